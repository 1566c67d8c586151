import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import { afterEach, describe, expect, it } from 'vitest'
import { openDatabase, type Db } from '../db/openDatabase'
import { boards } from '../db/schema'
import { SyncPersistence } from './roomPersistence'

const dirs: string[] = []
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true })
})

function freshDb(): Db {
  const dir = mkdtempSync(join(tmpdir(), 'storyloom-compact-'))
  dirs.push(dir)
  return openDatabase(join(dir, 'storyloom.sqlite'))
}

/** Appends `count` edits of one map key (each overwriting the last) to the board's log. */
function appendEdits(persistence: SyncPersistence, doc: Y.Doc, boardId: string, firstSeq: number, count: number): void {
  let seq = firstSeq
  const capture = (update: Uint8Array) => persistence.append(boardId, seq++, update)
  doc.on('update', capture)
  for (let i = 0; i < count; i++) doc.getMap('records').set('big', `${i} ${'x'.repeat(5_000)}`)
  doc.off('update', capture)
}

describe('SyncPersistence.compactInBackground', () => {
  it('folds the log up to seq into a snapshot from its worker, keeping later entries', async () => {
    const db = freshDb()
    db.insert(boards).values({ id: 'b1', name: 'x' }).run()
    const persistence = new SyncPersistence(db)
    const doc = new Y.Doc()
    appendEdits(persistence, doc, 'b1', 1, 30)

    await persistence.compactInBackground('b1', 20)
    appendEdits(persistence, doc, 'b1', 31, 2)
    const stored = persistence.load('b1')
    expect(stored.lastSeq).toBe(32)
    expect(stored.updates).toHaveLength(12) // 21…32
    // Deleted content is dropped: the snapshot holds one 5 kB value, not the 20 written.
    expect(stored.snapshot!.length).toBeLessThan(10_000)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, stored.snapshot!)
    for (const update of stored.updates) Y.applyUpdate(loaded, update)
    expect(loaded.getMap('records').get('big')).toBe(doc.getMap('records').get('big'))

    await persistence.dispose()
    db.$client.close()
  })

  it('never replaces a newer snapshot', async () => {
    const db = freshDb()
    db.insert(boards).values({ id: 'b1', name: 'x' }).run()
    const persistence = new SyncPersistence(db)
    const doc = new Y.Doc()
    appendEdits(persistence, doc, 'b1', 1, 10)
    persistence.compact('b1', Y.encodeStateAsUpdate(doc), 10)

    await persistence.compactInBackground('b1', 5)
    const stored = persistence.load('b1')
    expect(stored.lastSeq).toBe(10)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, stored.snapshot!)
    expect(loaded.getMap('records').get('big')).toBe(doc.getMap('records').get('big'))

    await persistence.dispose()
    db.$client.close()
  })
})
