import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { COMMENT_MAX_LENGTH, threadListResponseSchema } from '@storyloom/shared/api/comments'
import { NoticeCode } from '@storyloom/shared/protocol/syncProtocol'
import { boardMembers } from '@storyloom/server/db/schema'
import { errorCode, signUp, type TestAccount } from '../support/accounts'
import { connectClient, createBoard, waitFor, type SyncClient } from '../support/syncClient'
import { startTestServer, type TestServer } from '../support/testServer'

let server: TestServer
const people = {} as Record<BoardRole, TestAccount>
const clients: SyncClient[] = []

beforeAll(async () => {
  server = await startTestServer({ authRequired: true })
  await signUp(server.url, 'Admin')
  for (const role of ['viewer', 'commenter', 'editor', 'owner'] as const) people[role] = await signUp(server.url, role)
})
afterEach(() => {
  for (const client of clients.splice(0)) client.destroy()
})
afterAll(() => server.dispose())

function board(): string {
  const boardId = createBoard(server.db)
  for (const [role, account] of Object.entries(people)) {
    server.db.insert(boardMembers).values({ boardId, userId: account.user.id, role: role as BoardRole, createdAt: new Date() }).run()
  }
  return boardId
}

function send(account: TestAccount, method: string, path: string, body?: unknown): Promise<Response> {
  return fetch(`${server.url}/api/boards/${path}`, {
    method,
    headers: { cookie: account.cookie, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
}

async function threads(account: TestAccount, boardId: string) {
  return threadListResponseSchema.parse(await (await send(account, 'GET', `${boardId}/comments`)).json()).threads
}

const onShot = { kind: 'shot', shotId: 'shape:shot1' } as const

describe('comments', () => {
  it('lets commenters start threads on shots and points, reply with @mentions, resolve and reopen; viewers only read', async () => {
    const boardId = board()
    expect((await send(people.commenter, 'POST', `${boardId}/comments`, { anchor: onShot, body: 'Tighter on the hands?' })).status).toBe(201)
    const point = { kind: 'point', pageId: 'page:page', x: 120.5, y: -40 }
    expect((await send(people.editor, 'POST', `${boardId}/comments`, { anchor: point, body: 'Move the title card here' })).status).toBe(201)
    const [thread] = await threads(people.viewer, boardId)
    expect(thread).toMatchObject({ anchor: onShot, resolved: false, comments: [{ authorName: 'commenter', body: 'Tighter on the hands?' }] })

    const replied = await send(people.editor, 'POST', `${boardId}/comments/${thread!.id}/replies`, { body: '@commenter done', mentions: [people.commenter.user.id] })
    expect(replied.status).toBe(201)
    expect((await send(people.commenter, 'PATCH', `${boardId}/comments/${thread!.id}`, { resolved: true })).status).toBe(200)
    let [after] = await threads(people.owner, boardId)
    expect(after!.resolved).toBe(true)
    expect(after!.comments.map((c) => [c.authorName, c.mentions])).toEqual([['commenter', []], ['editor', [people.commenter.user.id]]])
    await send(people.owner, 'PATCH', `${boardId}/comments/${thread!.id}`, { resolved: false })
    ;[after] = await threads(people.owner, boardId)
    expect(after!.resolved).toBe(false)

    const viewerWrites = await send(people.viewer, 'POST', `${boardId}/comments`, { anchor: onShot, body: 'Can I?' })
    expect([viewerWrites.status, await errorCode(viewerWrites)]).toEqual([403, 'role_required'])
  })

  it('refuses oversized and empty comments, unknown mentions and another board’s threads with named codes', async () => {
    const boardId = board()
    const tooLong = await send(people.editor, 'POST', `${boardId}/comments`, { anchor: onShot, body: 'x'.repeat(COMMENT_MAX_LENGTH + 1) })
    expect(tooLong.status).toBe(400)
    expect(await tooLong.json()).toMatchObject({ error: { code: 'invalid_request', message: expect.stringContaining(`at most ${COMMENT_MAX_LENGTH} characters`) } })
    const huge = await send(people.editor, 'POST', `${boardId}/comments`, { anchor: onShot, body: 'x'.repeat(20_000) })
    expect([huge.status, await errorCode(huge)]).toEqual([413, 'payload_too_large'])
    const empty = await send(people.editor, 'POST', `${boardId}/comments`, { anchor: onShot, body: '   ' })
    expect(await errorCode(empty)).toBe('invalid_request')
    const stranger = await signUp(server.url, 'Stranger')
    const mention = await send(people.editor, 'POST', `${boardId}/comments`, { anchor: onShot, body: 'hi', mentions: [stranger.user.id] })
    expect(await errorCode(mention)).toBe('invalid_request')
    expect(await threads(people.editor, boardId)).toEqual([])

    const other = board()
    await send(people.editor, 'POST', `${other}/comments`, { anchor: onShot, body: 'On the other board' })
    const [foreign] = await threads(people.editor, other)
    const crossBoard = await send(people.editor, 'POST', `${boardId}/comments/${foreign!.id}/replies`, { body: 'sneaky' })
    expect([crossBoard.status, await errorCode(crossBoard)]).toEqual([404, 'not_found'])
  })

  it('lets only the author or an owner delete a comment; the thread goes with its last one', async () => {
    const boardId = board()
    await send(people.commenter, 'POST', `${boardId}/comments`, { anchor: onShot, body: 'Mine' })
    const [thread] = await threads(people.owner, boardId)
    const path = `${boardId}/comments/${thread!.id}/replies/${thread!.comments[0]!.id}`
    const byEditor = await send(people.editor, 'DELETE', path)
    expect([byEditor.status, await errorCode(byEditor)]).toEqual([403, 'role_required'])
    expect((await send(people.commenter, 'DELETE', path)).status).toBe(204)
    expect(await threads(people.owner, boardId)).toEqual([])
  })

  it('announces every change to everyone on the board, live', async () => {
    const boardId = board()
    const viewer = connectClient(server.syncUrl, boardId, { headers: { cookie: people.viewer.cookie } })
    clients.push(viewer)
    await viewer.synced()
    await send(people.commenter, 'POST', `${boardId}/comments`, { anchor: onShot, body: 'Live?' })
    await waitFor(() => viewer.notices.some((n) => n.code === NoticeCode.commentsChanged), { what: 'comments-changed notice' })
  })
})
