import * as Y from 'yjs'
import { describe, expect, it as base } from 'vitest'
import { openFileDatabaseForTests } from '../db/fileDatabaseForTests'
import { boards } from '../db/schema'
import { SyncPersistence } from './roomPersistence'

/** A file database with one board `b1`, its persistence, and the doc whose edits are appended. */
const it = base.extend<{ board: { persistence: SyncPersistence; doc: Y.Doc } }>({
  board: async ({}, use) => {
    const { db, remove } = openFileDatabaseForTests('storyloom-compact-')
    db.insert(boards).values({ id: 'b1', name: 'x' }).run()
    const persistence = new SyncPersistence(db)
    await use({ persistence, doc: new Y.Doc() })
    await persistence.dispose()
    remove()
  },
})

/** Appends `count` edits of one map key (each overwriting the last) to b1's log. */
function appendEdits({ persistence, doc }: { persistence: SyncPersistence; doc: Y.Doc }, firstSeq: number, count: number): void {
  let seq = firstSeq
  const capture = (update: Uint8Array) => persistence.append('b1', seq++, update)
  doc.on('update', capture)
  for (let i = 0; i < count; i++) doc.getMap('records').set('big', `${i} ${'x'.repeat(5_000)}`)
  doc.off('update', capture)
}

describe('SyncPersistence.compactInBackground', () => {
  it('folds the log up to seq into a snapshot from its worker, keeping later entries', async ({ board }) => {
    appendEdits(board, 1, 30)

    await board.persistence.compactInBackground('b1', 20)
    appendEdits(board, 31, 2)
    const stored = board.persistence.load('b1')
    expect(stored.lastSeq).toBe(32)
    expect(stored.updates).toHaveLength(12) // 21…32
    // Deleted content is dropped: the snapshot holds one 5 kB value, not the 20 written.
    expect(stored.snapshot!.length).toBeLessThan(10_000)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, stored.snapshot!)
    for (const update of stored.updates) Y.applyUpdate(loaded, update)
    expect(loaded.getMap('records').get('big')).toBe(board.doc.getMap('records').get('big'))
  })

  it('never replaces a newer snapshot', async ({ board }) => {
    appendEdits(board, 1, 10)
    board.persistence.compact('b1', Y.encodeStateAsUpdate(board.doc), 10)

    await board.persistence.compactInBackground('b1', 5)
    const stored = board.persistence.load('b1')
    expect(stored.lastSeq).toBe(10)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, stored.snapshot!)
    expect(loaded.getMap('records').get('big')).toBe(board.doc.getMap('records').get('big'))
  })
})
