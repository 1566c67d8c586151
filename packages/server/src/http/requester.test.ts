import { Hono } from 'hono'
import { describe, expect, it } from 'vitest'
import { LOCAL_PRINCIPAL } from '../access/principal'
import type { AuthEnv } from './authEnv'
import { identifyRequester, USER_ID_HEADER, USER_NAME_HEADER } from './requester'

/** Who a local-mode request (no accounts) says it is, as the generation routes read it. */
async function requesterOf(headers: Record<string, string>): Promise<unknown> {
  const app = new Hono<AuthEnv>()
  app.get('/', (c) => {
    c.set('boardAccess', { principal: LOCAL_PRINCIPAL } as never)
    return c.json(identifyRequester(c))
  })
  return (await app.request('/', { headers })).json()
}

describe('the local-mode requester', () => {
  it('keeps the name a device sent without what would hide or reorder it, and any script', async () => {
    expect(await requesterOf({ [USER_ID_HEADER]: 'u1', [USER_NAME_HEADER]: encodeURIComponent('Eve\u202e nimdA\u0007\u0085') })).toEqual({ id: 'u1', name: 'Eve nimdA' })
    const persian = 'نامه\u200cها'
    expect(await requesterOf({ [USER_ID_HEADER]: 'u2', [USER_NAME_HEADER]: encodeURIComponent(persian) })).toEqual({ id: 'u2', name: persian })
  })

  it('names "Someone on the team" a device that gave no name, one that shows nothing, or an older canvas\'s made-up "Guest Fox"; a guest without an id', async () => {
    expect(await requesterOf({ [USER_ID_HEADER]: 'u3', [USER_NAME_HEADER]: encodeURIComponent('\u2066\u200b') })).toEqual({ id: 'u3', name: 'Someone on the team' })
    expect(await requesterOf({ [USER_ID_HEADER]: 'u4' })).toEqual({ id: 'u4', name: 'Someone on the team' })
    expect(await requesterOf({ [USER_ID_HEADER]: 'u5', [USER_NAME_HEADER]: encodeURIComponent('Guest Fox') })).toEqual({ id: 'u5', name: 'Someone on the team' })
    expect(await requesterOf({ [USER_ID_HEADER]: 'u6', [USER_NAME_HEADER]: '%E0%A4%A' })).toEqual({ id: 'u6', name: 'Someone on the team' })
    // A name that only looks made up is still a name.
    expect(await requesterOf({ [USER_ID_HEADER]: 'u7', [USER_NAME_HEADER]: 'Guest%20Speaker' })).toEqual({ id: 'u7', name: 'Guest Speaker' })
    expect(await requesterOf({})).toEqual({ id: 'guest', name: 'Guest' })
  })
})
