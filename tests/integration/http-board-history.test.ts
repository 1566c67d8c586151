import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readAllRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import { boardSnapshotListResponseSchema, boardSnapshotSchema, restoreBoardSnapshotResponseSchema } from '@storyloom/shared/api/history'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { errorCode } from '../support/apiError'
import { pagesOf } from '../support/boardFixtures'
import { createBoard, waitFor, writeRecords } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'

const t = useSyncTestServer()

const history = () => t.api.api.boards[':boardId'].history
const snapshot = () => t.api.api.boards[':boardId'].history[':snapshotId']

async function takeSnapshot(boardId: string, name: string) {
  const res = await history().$post({ param: { boardId }, json: { name, author: { id: 'u1', name: 'Ada' } } })
  expect(res.status).toBe(201)
  return boardSnapshotSchema.parse(await res.json())
}

function shotTitle(doc: Y.Doc, id: string): string | undefined {
  return (readRecord(doc, id) as TLShotShape | undefined)?.props.title
}

describe('board history', () => {
  it('restores a named snapshot live for everyone, keeping the replaced state to undo it', async () => {
    const boardId = createBoard(t.server.db)
    const alice = await t.connected(boardId)
    const bob = await t.connected(boardId)
    const page = pagesOf(alice.doc)[0]!
    const kept = createShotShape({ parentId: page.id as never, index: 'a1' as never, props: { title: 'Opening' } })
    writeRecords(alice, kept)
    await waitFor(() => shotTitle(bob.doc, kept.id) === 'Opening', { what: 'the shot reaches bob' })
    const named = await takeSnapshot(boardId, '  Client review v1 ')
    expect(named).toMatchObject({ name: 'Client review v1', reason: 'manual', authorName: 'Ada' })

    // Work after the snapshot: a rename and a new shot.
    const later = createShotShape({ parentId: page.id as never, index: 'a2' as never, props: { title: 'Added later' } })
    writeRecords(alice, { ...kept, props: { ...kept.props, title: 'Renamed' } }, later)
    await waitFor(() => shotTitle(bob.doc, later.id) === 'Added later', { what: 'later work reaches bob' })

    // Opened read-only: the snapshot's state as it was.
    const stateRes = await snapshot().state.$get({ param: { boardId, snapshotId: named.id } })
    expect(stateRes.headers.get('content-type')).toBe('application/octet-stream')
    const old = new Y.Doc()
    Y.applyUpdate(old, new Uint8Array(await stateRes.arrayBuffer()))
    expect(shotTitle(old, kept.id)).toBe('Opening')
    expect(readRecord(old, later.id)).toBeUndefined()

    const restoreRes = await snapshot().restore.$post({ param: { boardId, snapshotId: named.id }, json: {} })
    expect(restoreRes.status).toBe(200)
    const { backup } = restoreBoardSnapshotResponseSchema.parse(await restoreRes.json())
    expect(backup.reason).toBe('before-restore')
    for (const client of [alice, bob]) {
      await waitFor(() => shotTitle(client.doc, kept.id) === 'Opening' && !readRecord(client.doc, later.id), { what: 'both follow the restore' })
    }

    // The restore is itself reversible: restoring the backup brings the later work back.
    await snapshot().restore.$post({ param: { boardId, snapshotId: backup.id }, json: {} })
    await waitFor(() => shotTitle(bob.doc, later.id) === 'Added later' && shotTitle(bob.doc, kept.id) === 'Renamed', { what: 'undo of the restore' })

    const listed = boardSnapshotListResponseSchema.parse(await (await history().$get({ param: { boardId } })).json()).snapshots
    expect(listed.map((s) => s.reason)).toEqual(['before-restore', 'before-restore', 'manual'])

    // A later client that joins sees the restored state from disk.
    const carol = await t.connected(boardId)
    expect(readAllRecords(carol.doc).length).toBe(readAllRecords(bob.doc).length)
  })

  it('snapshots and restores a board nobody has open', async () => {
    const boardId = createBoard(t.server.db)
    const first = await takeSnapshot(boardId, 'Empty')
    const writer = await t.connected(boardId)
    const page = pagesOf(writer.doc)[0]!
    const shot = createShotShape({ parentId: page.id as never, index: 'a1' as never })
    writeRecords(writer, shot)
    await takeSnapshot(boardId, 'One shot')
    writer.destroy()
    const res = await snapshot().restore.$post({ param: { boardId, snapshotId: first.id }, json: {} })
    expect(res.status).toBe(200)
    const reader = await t.connected(boardId)
    expect(readRecord(reader.doc, shot.id)).toBeUndefined()
  })

  it('refuses unknown snapshots, other boards’ snapshots and empty names', async () => {
    const boardId = createBoard(t.server.db)
    const otherBoard = createBoard(t.server.db)
    const theirs = await takeSnapshot(otherBoard, 'Theirs')
    const res = await snapshot().restore.$post({ param: { boardId, snapshotId: theirs.id }, json: {} })
    expect({ status: res.status, code: await errorCode(res) }).toEqual({ status: 404, code: 'snapshot_not_found' })
    const unnamed = await history().$post({ param: { boardId }, json: { name: '   ' } })
    expect(unnamed.status).toBe(400)
    expect((await history().$get({ param: { boardId } })).status).toBe(200)
  })
})
