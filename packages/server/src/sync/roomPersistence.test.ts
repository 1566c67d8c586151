import * as Y from 'yjs'
import { describe, expect, it, onTestFinished } from 'vitest'
import { openFileDatabaseForTests } from '../db/fileDatabaseForTests'
import { boards } from '../db/schema'
import { BoardLog } from './boardLog'
import { writeLockOf } from './databaseWriteLock'
import { SyncPersistence } from './roomPersistence'

describe('SyncPersistence appends', () => {
  it("never meet a worker's commit in SQLite's busy handler, back to back with checkpoints and compactions", async () => {
    const { db, remove } = openFileDatabaseForTests('storyloom-appends-')
    // An append that finds SQLite's write lock taken now fails at once instead of sleeping in the
    // busy handler (≥ 1 ms each, what the event loop used to pay for the workers' commits).
    db.$client.pragma('busy_timeout = 0')
    db.insert(boards).values({ id: 'b1', name: 'x' }).run()
    const persistence = new SyncPersistence(db)
    onTestFinished(async () => {
      await persistence.dispose()
      remove()
    })
    const log = new BoardLog(
      { boardId: 'b1', persistence, compactAfterUpdates: 20, compactInline: () => expect.unreachable('the compaction worker is available') },
      { lastSeq: 0, logLength: 0, logBytes: 0, snapshotBytes: 0 },
    )
    const doc = new Y.Doc()
    const records = doc.getMap<string>('records')
    doc.on('update', (update: Uint8Array) => log.append(update)) // throws SQLITE_BUSY on a collision
    const snapshotSeq = db.$client.prepare("SELECT seq FROM board_snapshots WHERE board_id = 'b1'").pluck()
    // One append per event-loop turn, as fast as they come, while the workers write: a compaction
    // every 20 appends, a WAL checkpoint (and restart) every 100, until 10 compactions committed
    // and at least one append met a worker's write (when they meet depends on the scheduler).
    const compactions = new Set<number>()
    const lock = writeLockOf(db)
    let appends = 0
    while ((compactions.size < 10 || lock.waited.writes === 0) && appends < 20_000) {
      records.set(`shape:${appends % 50}`, `${appends} ${'x'.repeat(500)}`)
      appends++
      await new Promise((resolve) => setImmediate(resolve))
      const seq = snapshotSeq.get() as number | undefined
      if (seq !== undefined) compactions.add(seq)
    }
    log.close()
    await persistence.dispose() // lets a running compaction commit or fail

    const stored = persistence.load('b1')
    expect(compactions.size).toBeGreaterThanOrEqual(10)
    expect(stored.lastSeq).toBe(appends)
    const loaded = new Y.Doc()
    Y.applyUpdate(loaded, stored.snapshot!)
    for (const update of stored.updates) Y.applyUpdate(loaded, update)
    expect(loaded.getMap('records').toJSON()).toEqual(records.toJSON())
    expect(lock.waited.writes).toBeGreaterThan(0) // they did meet, and waited instead
  })
})
