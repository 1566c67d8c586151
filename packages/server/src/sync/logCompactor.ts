/**
 * Compacts a board's update log from a worker thread with its own SQLite connection: it rebuilds
 * the doc from the snapshot and the log in a Y.Doc there, re-encodes it (deleted content dropped)
 * and writes it as the new snapshot in one short transaction, so the event loop that broadcasts
 * updates never pays for the re-encoding or the snapshot write.
 *
 * Crash safety is the same as compacting inline: the snapshot upsert and the deletion of the log
 * entries it covers are one transaction, so a crash leaves either the old snapshot and the full
 * log or the new snapshot and the rest of the log. A snapshot is never replaced by an older one
 * (the unload's inline compaction may have written a newer one meanwhile).
 */
import type { Db } from '../db/openDatabase'
import { LazyDatabaseWorker } from './lazyDatabaseWorker'

// Table and column names are those of db/schema.ts (boardSnapshots, boardUpdates).
const HANDLER_SOURCE = `
const Y = require(workerData.resolved.yjs)
const snapshotQuery = db.prepare('SELECT state, seq FROM board_snapshots WHERE board_id = ?')
const logQuery = db.prepare('SELECT "update" FROM board_updates WHERE board_id = ? AND seq > ? AND seq <= ? ORDER BY seq')
const upsert = db.prepare(
  'INSERT INTO board_snapshots (board_id, state, seq, updated_at) VALUES (?, ?, ?, ?) ' +
    'ON CONFLICT (board_id) DO UPDATE SET state = excluded.state, seq = excluded.seq, updated_at = excluded.updated_at ' +
    'WHERE excluded.seq > board_snapshots.seq',
)
const deleteCovered = db.prepare('DELETE FROM board_updates WHERE board_id = ? AND seq <= ?')
// One read transaction: the snapshot and the log entries after it, as of one moment.
const read = db.transaction((boardId, seq) => {
  const snapshot = snapshotQuery.get(boardId)
  const after = snapshot ? snapshot.seq : 0
  return { snapshot, updates: after < seq ? logQuery.all(boardId, after, seq) : [] }
})
const write = db.transaction((boardId, state, seq) => {
  const { changes } = upsert.run(boardId, state, seq, Date.now())
  deleteCovered.run(boardId, seq)
  return changes > 0
})
// The new snapshot's size in bytes, or undefined if none was written.
function handle({ boardId, seq }) {
  const { snapshot, updates } = read(boardId, seq)
  if (updates.length === 0) return undefined
  const doc = new Y.Doc()
  doc.transact(() => {
    if (snapshot) Y.applyUpdate(doc, snapshot.state)
    for (const row of updates) Y.applyUpdate(doc, row.update)
  })
  const state = Buffer.from(Y.encodeStateAsUpdate(doc))
  doc.destroy()
  return inWriteTurn(() => write.immediate(boardId, state, seq)) ? state.length : undefined
}
`

/** Compacts board logs in a worker thread; `available` is false for in-memory databases or if the worker failed. */
export class LogCompactor {
  private readonly worker: LazyDatabaseWorker<{ boardId: string; seq: number }, number | undefined>

  constructor(db: Db) {
    this.worker = new LazyDatabaseWorker(db, {
      what: 'log compaction',
      fallback: 'compacting inline',
      busyTimeoutMs: 5_000,
      packages: ['yjs'],
      handlerSource: HANDLER_SOURCE,
      holdProcessWhileBusy: true, // the process stays up until the snapshot is written
    })
  }

  /** False when compaction has to run inline (in-memory database, or the worker failed). */
  get available(): boolean {
    return this.worker.available
  }

  /**
   * Folds the board's log up to and including `seq` (every entry up to it committed) into its
   * snapshot. Resolves once committed, with the new snapshot's size in bytes (undefined if there
   * was nothing to fold or a newer snapshot was there); rejects with `DatabaseWorkerError` if it
   * was not committed (the log is kept; a later compaction retries).
   */
  compact(boardId: string, seq: number): Promise<number | undefined> {
    return this.worker.run({ boardId, seq })
  }

  /** Stops the worker (and its connection); compactions still running are reported as failed. */
  close(): Promise<void> {
    return this.worker.close()
  }
}
