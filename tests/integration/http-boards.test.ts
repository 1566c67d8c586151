import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { CloseCode } from '@storyloom/shared/protocol/syncProtocol'
import { boardListResponseSchema, boardResponseSchema } from '@storyloom/shared/api/boards'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { errorCode } from '../support/apiError'
import { useHttpTestServer } from '../support/httpTestServer'

const t = useHttpTestServer()

async function createBoard(name: string) {
  const res = await t.api.api.boards.$post({ json: { name } })
  expect(res.status).toBe(201)
  return boardResponseSchema.parse(await res.json())
}

describe('boards over HTTP', () => {
  it('creates a board with a trimmed name and a server-made id, and reads it back', async () => {
    const created = await createBoard('  Opening sequence  ')
    expect(created.name).toBe('Opening sequence')
    expect(created.id).toMatch(/^[A-Za-z0-9_-]{16}$/)
    expect(created.createdAt).toBe(created.updatedAt)

    const res = await t.api.api.boards[':boardId'].$get({ param: { boardId: created.id } })
    expect(res.status).toBe(200)
    expect(await res.json()).toEqual(created)
  })

  it('lists boards, most recently updated first', async () => {
    const first = await createBoard('Act one')
    const second = await createBoard('Act two')
    const renamed = await t.api.api.boards[':boardId'].$patch({ param: { boardId: first.id }, json: { name: 'Act one (v2)' } })
    expect(renamed.status).toBe(200)

    const { boards } = boardListResponseSchema.parse(await (await t.api.api.boards.$get()).json())
    expect(boards.map((b) => b.id).sort()).toEqual([first.id, second.id].sort())
    const times = boards.map((b) => Date.parse(b.updatedAt))
    expect(times).toEqual([...times].sort((a, b) => b - a))
    expect(boards.find((b) => b.id === first.id)?.name).toBe('Act one (v2)')
  })

  it('renames a board and bumps its updatedAt', async () => {
    const board = await createBoard('Draft')
    const res = await t.api.api.boards[':boardId'].$patch({ param: { boardId: board.id }, json: { name: 'Final' } })
    const renamed = boardResponseSchema.parse(await res.json())
    expect(renamed).toMatchObject({ id: board.id, name: 'Final', createdAt: board.createdAt })
    expect(Date.parse(renamed.updatedAt)).toBeGreaterThanOrEqual(Date.parse(board.updatedAt))
    const again = await t.api.api.boards[':boardId'].$get({ param: { boardId: board.id } })
    expect(boardResponseSchema.parse(await again.json()).name).toBe('Final')
  })

  it('deletes a board: 204, then it is gone', async () => {
    const board = await createBoard('Scrap')
    const res = await t.api.api.boards[':boardId'].$delete({ param: { boardId: board.id } })
    expect(res.status).toBe(204)
    expect(await res.text()).toBe('')

    const gone = await t.api.api.boards[':boardId'].$get({ param: { boardId: board.id } })
    expect(gone.status).toBe(404)
    expect(await errorCode(gone)).toBe('board_not_found')
    const { boards } = boardListResponseSchema.parse(await (await t.api.api.boards.$get()).json())
    expect(boards).toEqual([])
    const twice = await t.api.api.boards[':boardId'].$delete({ param: { boardId: board.id } })
    expect(twice.status).toBe(404)
  })

  it('closes the open sync connections of a deleted board', async () => {
    const board = await createBoard('Live')
    const socket = new WebSocket(`${t.server.syncUrl}/${board.id}`)
    const closed = new Promise<number>((resolve) => socket.once('close', (code) => resolve(code)))
    // The server speaks first (sync step 1) once the board's room is open.
    await new Promise((resolve, reject) => {
      socket.once('message', resolve)
      socket.once('error', reject)
    })

    expect((await t.api.api.boards[':boardId'].$delete({ param: { boardId: board.id } })).status).toBe(204)
    expect(await closed).toBe(CloseCode.boardNotFound)
  })

  it.each([
    ['an empty name', ''],
    ['a blank name', '   '],
    ['a name over 120 characters', 'x'.repeat(121)],
    ['a name with control characters', 'Act\u0000One'],
    ['a name of only control characters', '\u0007\u001b'],
    ['a name with a right-to-left override', 'Invoice \u202egpj.exe'],
    ['a name with bidi isolates', '\u2067Act\u2069 One'],
    ['a name with hidden tag text', 'Act One\u{e0069}\u{e0067}\u{e006e}'],
    ['a name of only zero-width characters', '\u200b\u200d'],
  ])('refuses %s', async (_case, name) => {
    const res = await t.api.api.boards.$post({ json: { name } })
    expect(res.status).toBe(400)
    const body = apiErrorBodySchema.parse(await res.json())
    expect(body.error.code).toBe('invalid_request')
    expect(body.error.message).toMatch(/^name: /)
  })

  it('says which kind of character a refused rename has, and keeps the old name', async () => {
    const board = await createBoard('Pitch deck')
    const res = await t.api.api.boards[':boardId'].$patch({ param: { boardId: board.id }, json: { name: 'Pitch \u202ekced' } })
    expect(res.status).toBe(400)
    expect(apiErrorBodySchema.parse(await res.json()).error.message).toBe(
      'name: name must not contain characters that reorder text (bidirectional overrides, embeddings or isolates)',
    )
    const again = await t.api.api.boards[':boardId'].$get({ param: { boardId: board.id } })
    expect(boardResponseSchema.parse(await again.json()).name).toBe('Pitch deck')
  })

  it.each([
    ['Arabic', 'المشهد الأول'],
    ['Hebrew with a right-to-left mark', 'סצנה (2)\u200f'],
    ['Persian with a zero-width non-joiner', 'نامه\u200cها'],
    ['an emoji family', 'Family 👩\u200d👩\u200d👧'],
  ])('keeps a name in %s as typed', async (_case, name) => {
    const board = await createBoard('Draft')
    const res = await t.api.api.boards[':boardId'].$patch({ param: { boardId: board.id }, json: { name } })
    expect(boardResponseSchema.parse(await res.json()).name).toBe(name)
    const again = await t.api.api.boards[':boardId'].$get({ param: { boardId: board.id } })
    expect(boardResponseSchema.parse(await again.json()).name).toBe(name)
  })

  it('accepts a name of exactly 120 characters', async () => {
    expect((await createBoard('x'.repeat(120))).name).toHaveLength(120)
  })

  it('refuses a body that is not the expected JSON', async () => {
    const post = (body: string) =>
      fetch(`${t.server.url}/api/boards`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body })
    for (const body of ['{"name":', '{}', '{"name":42}', '[]']) {
      const res = await post(body)
      expect(res.status, body).toBe(400)
      expect(await errorCode(res)).toBe('invalid_request')
    }
    const huge = await post(JSON.stringify({ name: 'x'.repeat(100_000) }))
    expect(huge.status).toBe(413)
    expect(await errorCode(huge)).toBe('payload_too_large')
  })

  it('refuses malformed board ids with 400 on every route', async () => {
    for (const boardId of ['short', 'has.a.dot.in.it.x', 'x'.repeat(17), '..%2F..%2Fetc%2Fpasswd']) {
      const url = `${t.server.url}/api/boards/${boardId}`
      for (const res of [
        await fetch(url),
        await fetch(url, { method: 'PATCH', headers: { 'Content-Type': 'application/json' }, body: '{"name":"x"}' }),
        await fetch(url, { method: 'DELETE' }),
        await fetch(`${url}/assets`, { method: 'POST', body: 'x' }),
      ]) {
        expect(res.status, `${res.url}`).toBe(400)
        expect(await errorCode(res)).toBe('invalid_request')
      }
    }
  })

  it('answers 404 board_not_found for a well-formed id that does not exist', async () => {
    const boardId = 'AAAAAAAAAAAAAAAA'
    const responses = [
      await t.api.api.boards[':boardId'].$get({ param: { boardId } }),
      await t.api.api.boards[':boardId'].$patch({ param: { boardId }, json: { name: 'x' } }),
      await t.api.api.boards[':boardId'].$delete({ param: { boardId } }),
      await fetch(`${t.server.url}/api/boards/${boardId}/assets`, { method: 'POST', body: 'x' }),
    ]
    for (const res of responses) {
      expect(res.status).toBe(404)
      expect(await errorCode(res)).toBe('board_not_found')
    }
  })
})
