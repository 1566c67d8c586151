import { beforeAll, describe, expect, it } from 'vitest'
import { createdInviteResponseSchema, memberListResponseSchema } from '@storyloom/shared/api/accounts'
import { boardResponseSchema } from '@storyloom/shared/api/boards'
import { errorCode } from '../support/apiError'
import { signUp, type TestAccount } from '../support/accounts'
import { useHttpTestServer } from '../support/httpTestServer'

const t = useHttpTestServer({ authRequired: true }, { per: 'file' })
let owner: TestAccount
let admin: TestAccount

beforeAll(async () => {
  admin = await signUp(t.server.url, 'Admin')
  owner = await signUp(t.server.url, 'Owner')
})

async function newBoard(): Promise<string> {
  const res = await owner.api.api.boards.$post({ json: { name: 'Pitch' } })
  return boardResponseSchema.parse(await res.json()).id
}

async function invite(boardId: string, role: 'viewer' | 'commenter' | 'editor' | 'owner') {
  const res = await owner.api.api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role } })
  expect(res.status).toBe(201)
  return createdInviteResponseSchema.parse(await res.json())
}

async function members(boardId: string) {
  return memberListResponseSchema.parse(await (await owner.api.api.boards[':boardId'].members.$get({ param: { boardId } })).json()).members
}

describe('invite links and members', () => {
  it('lets a signed-in person preview and accept an invite, joining with its role', async () => {
    const boardId = await newBoard()
    const { token } = await invite(boardId, 'editor')
    const guest = await signUp(t.server.url, 'Guest')

    const preview = await guest.api.api.invites.preview.$post({ json: { token } })
    expect(await preview.json()).toMatchObject({ boardId, boardName: 'Pitch', role: 'editor' })
    const accepted = await guest.api.api.invites.accept.$post({ json: { token } })
    expect(await accepted.json()).toEqual({ boardId, role: 'editor' })
    expect((await members(boardId)).map((m) => [m.name, m.role])).toEqual([['Owner', 'owner'], ['Guest', 'editor']])
    expect((await guest.api.api.boards[':boardId'].$get({ param: { boardId } })).status).toBe(200)
  })

  it('lets one person join per invite link: nobody else, nor a removed member, joins with it again', async () => {
    const boardId = await newBoard()
    const { token } = await invite(boardId, 'editor')
    const first = await signUp(t.server.url, 'First')
    const second = await signUp(t.server.url, 'Second')
    expect((await first.api.api.invites.accept.$post({ json: { token } })).status).toBe(200)

    const reused = await second.api.api.invites.accept.$post({ json: { token } })
    expect([reused.status, await errorCode(reused)]).toEqual([404, 'invite_invalid'])
    const preview = await second.api.api.invites.preview.$post({ json: { token } })
    expect(preview.status).toBe(404)

    await owner.api.api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId: first.user.id } })
    const rejoin = await first.api.api.invites.accept.$post({ json: { token } })
    expect([rejoin.status, await errorCode(rejoin)]).toEqual([404, 'invite_invalid'])
    expect((await members(boardId)).map((m) => m.name)).toEqual(['Owner'])
    expect((await owner.api.api.boards[':boardId'].invites.$get({ param: { boardId } })).ok).toBe(true)
  })

  it('keeps an invite link working when someone who already has its role (an owner, the admin) opens it', async () => {
    const boardId = await newBoard()
    const { token } = await invite(boardId, 'viewer')
    expect((await owner.api.api.invites.accept.$post({ json: { token } })).status).toBe(200)
    // The instance admin owns every board without being a member.
    expect(await (await admin.api.api.invites.accept.$post({ json: { token } })).json()).toEqual({ boardId, role: 'owner' })
    const guest = await signUp(t.server.url)
    const accepted = await guest.api.api.invites.accept.$post({ json: { token } })
    expect(await accepted.json()).toEqual({ boardId, role: 'viewer' })
  })

  it('never lowers a role through an invite', async () => {
    const boardId = await newBoard()
    const guest = await signUp(t.server.url)
    await guest.api.api.invites.accept.$post({ json: { token: (await invite(boardId, 'editor')).token } })
    const res = await guest.api.api.invites.accept.$post({ json: { token: (await invite(boardId, 'viewer')).token } })
    expect(await res.json()).toEqual({ boardId, role: 'editor' })
  })

  it('refuses expired, revoked and forged links with named codes, and accepting without signing in', async () => {
    const boardId = await newBoard()
    const guest = await signUp(t.server.url)
    const expired = await invite(boardId, 'viewer')
    t.server.db.$client.prepare('UPDATE board_invites SET expires_at = ? WHERE id = ?').run(Date.now() - 1000, expired.id)
    const res1 = await guest.api.api.invites.accept.$post({ json: { token: expired.token } })
    expect([res1.status, await errorCode(res1)]).toEqual([410, 'invite_expired'])

    const revoked = await invite(boardId, 'viewer')
    expect((await owner.api.api.boards[':boardId'].invites[':inviteId'].$delete({ param: { boardId, inviteId: revoked.id } })).status).toBe(204)
    const res2 = await guest.api.api.invites.accept.$post({ json: { token: revoked.token } })
    expect([res2.status, await errorCode(res2)]).toEqual([404, 'invite_invalid'])

    const forged = await guest.api.api.invites.accept.$post({ json: { token: 'x'.repeat(43) } })
    expect(await errorCode(forged)).toBe('invite_invalid')
    const malformed = await guest.api.api.invites.accept.$post({ json: { token: '../../etc' } })
    expect(await errorCode(malformed)).toBe('invalid_request')

    const valid = await invite(boardId, 'viewer')
    const anonymous = await fetch(`${t.server.url}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: valid.token }),
    })
    expect(await errorCode(anonymous)).toBe('not_signed_in')
    expect((await members(boardId)).map((m) => m.name)).not.toContain(guest.user.name)
  })

  it('refuses another board’s invite and member ids, even to an owner of both boards', async () => {
    const [boardA, boardB] = [await newBoard(), await newBoard()]
    const inviteOfB = await invite(boardB, 'viewer')
    const guest = await signUp(t.server.url)
    await guest.api.api.invites.accept.$post({ json: { token: (await invite(boardB, 'viewer')).token } })

    const revoke = await owner.api.api.boards[':boardId'].invites[':inviteId'].$delete({ param: { boardId: boardA, inviteId: inviteOfB.id } })
    expect([revoke.status, await errorCode(revoke)]).toEqual([404, 'invite_not_found'])
    const demote = await owner.api.api.boards[':boardId'].members[':userId'].$patch({ param: { boardId: boardA, userId: guest.user.id }, json: { role: 'owner' } })
    expect([demote.status, await errorCode(demote)]).toEqual([404, 'member_not_found'])
    // Nothing changed on board B.
    expect((await members(boardB)).find((m) => m.userId === guest.user.id)?.role).toBe('viewer')
    expect((await guest.api.api.invites.preview.$post({ json: { token: inviteOfB.token } })).status).toBe(200)
  })

  it('lists invites to owners without their tokens', async () => {
    const boardId = await newBoard()
    const created = await invite(boardId, 'commenter')
    const text = await (await owner.api.api.boards[':boardId'].invites.$get({ param: { boardId } })).text()
    expect(text).toContain(created.id)
    expect(text).not.toContain(created.token)
  })

  it('changes roles and removes members, but never the last owner', async () => {
    const boardId = await newBoard()
    const guest = await signUp(t.server.url)
    await guest.api.api.invites.accept.$post({ json: { token: (await invite(boardId, 'viewer')).token } })
    const memberApi = owner.api.api.boards[':boardId'].members[':userId']

    const demote = await memberApi.$patch({ param: { boardId, userId: owner.user.id }, json: { role: 'editor' } })
    expect([demote.status, await errorCode(demote)]).toEqual([409, 'last_owner'])
    const promote = await memberApi.$patch({ param: { boardId, userId: guest.user.id }, json: { role: 'owner' } })
    expect(promote.status).toBe(200)
    // Now there are two owners: the first may step down.
    expect((await memberApi.$patch({ param: { boardId, userId: owner.user.id }, json: { role: 'editor' } })).status).toBe(200)
    const removeLast = await guest.api.api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId: guest.user.id } })
    expect(await errorCode(removeLast)).toBe('last_owner')
    const unknown = await guest.api.api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId: 'A'.repeat(16) } })
    expect(await errorCode(unknown)).toBe('member_not_found')
  })
})

describe('cross-site requests', () => {
  it('refuses a change sent from another site’s page, with the session cookie attached', async () => {
    const boardId = await newBoard()
    const res = await fetch(`${t.server.url}/api/boards/${boardId}`, {
      method: 'DELETE',
      headers: { cookie: owner.cookie, origin: 'https://evil.example' },
    })
    expect([res.status, await errorCode(res)]).toEqual([403, 'cross_origin_request'])
    const form = await fetch(`${t.server.url}/api/boards/${boardId}/invites`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      body: '{"role":"owner"}',
    })
    expect(await errorCode(form)).toBe('cross_origin_request')
    expect((await owner.api.api.boards[':boardId'].$get({ param: { boardId } })).status).toBe(200)
    // The page's own origin passes.
    const own = await fetch(`${t.server.url}/api/boards/${boardId}`, {
      method: 'PATCH',
      headers: { cookie: owner.cookie, origin: t.server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed' }),
    })
    expect(own.status).toBe(200)
  })
})
