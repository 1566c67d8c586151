// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { refusedAsUnreadable } from './unreadableTakePicture'

/** What the page asked: each request's address and Range header. */
let asked: { url: string; range: string | null }[] = []
let answer: () => Response

beforeEach(() => {
  asked = []
  vi.stubGlobal('fetch', async (url: string, init?: RequestInit) => {
    asked.push({ url, range: new Headers(init?.headers).get('range') })
    return answer()
  })
})
afterEach(() => vi.unstubAllGlobals())

const apiError = (status: number, code: string) => () => Response.json({ error: { code, message: 'no' } }, { status })

describe('refusedAsUnreadable', () => {
  it('says a picture the server refuses as `take_unreadable` is unreadable, and never asks about it again', async () => {
    answer = apiError(422, 'take_unreadable')
    expect(await refusedAsUnreadable('/api/boards/b1/assets/aa')).toBe(true)
    expect(await refusedAsUnreadable('/api/boards/b1/assets/aa')).toBe(true)
    expect(asked).toEqual([{ url: '/api/boards/b1/assets/aa', range: 'bytes=0-0' }])
  })

  it('says nothing of a picture missing, served (its first byte alone asked for), unreachable or on another site', async () => {
    answer = apiError(404, 'asset_not_found')
    expect(await refusedAsUnreadable('/api/boards/b1/assets/bb')).toBe(false)
    answer = () => new Response(new Uint8Array([0x89]), { status: 206 })
    expect(await refusedAsUnreadable('/api/boards/b1/assets/cc')).toBe(false)
    answer = () => new Response('<html>Bad gateway</html>', { status: 502 })
    expect(await refusedAsUnreadable('/api/boards/b1/assets/dd')).toBe(false)
    answer = () => {
      throw new TypeError('Failed to fetch')
    }
    expect(await refusedAsUnreadable('/api/boards/b1/assets/ee')).toBe(false)
    expect(await refusedAsUnreadable('https://elsewhere.example/picture.png')).toBe(false)
    expect(asked.map((a) => a.range)).toEqual(['bytes=0-0', 'bytes=0-0', 'bytes=0-0', 'bytes=0-0'])
    // Not remembered: asked again after the next failure.
    answer = apiError(422, 'take_unreadable')
    expect(await refusedAsUnreadable('/api/boards/b1/assets/bb')).toBe(true)
  })
})
