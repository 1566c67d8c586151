import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { putRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import { CloseCode, NoticeCode } from '@storyloom/shared/protocol/syncProtocol'
import type { Authorize } from '@storyloom/server/sync/authorize'
import { useSyncTestServer } from '../support/syncTestServer'
import { createBoard, openRawSocket, startSyncEndpoint, waitFor, type SyncClient } from '../support/syncClient'
import { pageRecord, pagesOf } from '../support/boardFixtures'

/** Role from the `?role=` query parameter (y-websocket `params`), standing in for a session. */
const authorize: Authorize = async (req) => {
  const role = new URL(req.url ?? '/', 'http://localhost').searchParams.get('role')
  if (role === 'anonymous') return null
  if (role === 'outsider') return 'forbidden'
  if (role === 'broken') throw new Error('session store unavailable')
  return { readOnly: role === 'viewer', userId: role ?? 'editor' }
}

const t = useSyncTestServer()
let endpoint: Awaited<ReturnType<typeof startSyncEndpoint>>

// After the helper's hooks (vitest runs before-hooks in order and after-hooks in reverse).
beforeAll(async () => {
  endpoint = await startSyncEndpoint({ db: t.server.db, config: t.server.config, authorize })
})
afterAll(async () => {
  await endpoint.close()
})

const connect = (boardId: string, role: string): SyncClient => t.connect(boardId, { syncUrl: endpoint.syncUrl, params: { role } })

describe('sync access', () => {
  it('gives a read-only connection the doc and presence but drops its writes, telling it once', async () => {
    const boardId = createBoard(t.server.db)
    const editor = connect(boardId, 'editor')
    const viewer = connect(boardId, 'viewer')
    await Promise.all([editor.synced(), viewer.synced()])
    expect(pagesOf(viewer.doc)).toHaveLength(1)

    viewer.provider.awareness.setLocalStateField('user', { name: 'Client' })
    await waitFor(() => editor.provider.awareness.getStates().get(viewer.doc.clientID), { what: 'editor sees the viewer' })

    viewer.doc.transact(() => putRecords(viewer.doc, [pageRecord('v1', 'From viewer') as never]))
    viewer.doc.transact(() => putRecords(viewer.doc, [pageRecord('v2', 'From viewer') as never]))
    await waitFor(() => viewer.notices.length > 0, { what: 'read-only notice' })

    editor.doc.transact(() => putRecords(editor.doc, [pageRecord('e1', 'From editor') as never]))
    await waitFor(() => readRecord(viewer.doc, 'page:e1'), { what: 'viewer sees the editor’s write' })
    expect(readRecord(editor.doc, 'page:v1')).toBeUndefined()
    expect(readRecord(editor.doc, 'page:v2')).toBeUndefined()
    expect(viewer.notices).toEqual([{ code: NoticeCode.readOnly, message: expect.any(String) }])
    expect(viewer.closes).toEqual([])

    // Not on disk either: a fresh client does not get them.
    const later = connect(boardId, 'editor')
    await later.synced()
    expect(readRecord(later.doc, 'page:e1')).toBeDefined()
    expect(readRecord(later.doc, 'page:v1')).toBeUndefined()
  })

  it('refuses the upgrade with 401 when the hook finds no session, and 500 when it fails', async () => {
    const boardId = createBoard(t.server.db)
    expect(await openRawSocket(`${endpoint.syncUrl}/${boardId}?role=anonymous`).refused).toBe(401)
    expect(await openRawSocket(`${endpoint.syncUrl}/${boardId}?role=broken`).refused).toBe(500)
  })

  it('closes with 4403 when the user has no access to the board', async () => {
    const boardId = createBoard(t.server.db)
    const client = connect(boardId, 'outsider')
    await waitFor(() => client.closes[0], { what: 'close' })
    expect(client.closes[0]!.code).toBe(CloseCode.forbidden)
  })
})
