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
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Db } from '../db/openDatabase'
import { logSyncWarning } from './syncLog'

// CommonJS, evaluated in the worker: no TypeScript loader needed there. Table and column names
// are those of db/schema.ts (boardSnapshots, boardUpdates).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const Y = require(workerData.yjs)
const db = new Database(workerData.file)
db.pragma('busy_timeout = 5000')
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
  upsert.run(boardId, state, seq, Date.now())
  deleteCovered.run(boardId, seq)
})
parentPort.on('message', ({ id, boardId, seq }) => {
  try {
    const { snapshot, updates } = read(boardId, seq)
    if (updates.length > 0) {
      const doc = new Y.Doc()
      doc.transact(() => {
        if (snapshot) Y.applyUpdate(doc, snapshot.state)
        for (const row of updates) Y.applyUpdate(doc, row.update)
      })
      const state = Buffer.from(Y.encodeStateAsUpdate(doc))
      doc.destroy()
      write.immediate(boardId, state, seq)
    }
    parentPort.postMessage({ id })
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.stack || error) })
  }
})
`

type Reply = { id: number; error?: string }

/** Thrown when the worker could not compact a board (the log is kept; a later compaction retries). */
export class CompactionError extends Error {
  constructor(message: string) {
    super(message)
    this.name = 'CompactionError'
  }
}

/** Compacts board logs in a worker thread; `available` is false for in-memory databases or if the worker failed. */
export class LogCompactor {
  private worker: Worker | undefined
  private failed: boolean
  private nextId = 1
  private readonly inFlight = new Map<number, { resolve(): void; reject(error: Error): void }>()

  constructor(private readonly db: Db) {
    this.failed = db.$client.memory
  }

  /** False when compaction has to run inline (in-memory database, or the worker failed). */
  get available(): boolean {
    return !this.failed
  }

  /**
   * Folds the board's log up to and including `seq` (every entry up to it committed) into its
   * snapshot. Resolves once committed; rejects with `CompactionError` if it was not.
   */
  compact(boardId: string, seq: number): Promise<void> {
    const worker = this.workerOrUndefined()
    if (!worker) return Promise.reject(new CompactionError('the compaction worker is not available'))
    const id = this.nextId++
    return new Promise<void>((resolve, reject) => {
      this.inFlight.set(id, { resolve, reject })
      worker.ref() // keeps the process up until the snapshot is written
      worker.postMessage({ id, boardId, seq })
    })
  }

  /** Stops the worker (and its connection); compactions still running are reported as failed. */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    this.failed = true
    if (worker) await worker.terminate()
    this.rejectAll('the compaction worker was stopped')
  }

  private rejectAll(reason: string): void {
    for (const { reject } of this.inFlight.values()) reject(new CompactionError(reason))
    this.inFlight.clear()
  }

  private readonly onReply = (reply: Reply): void => {
    const waiting = this.inFlight.get(reply.id)
    this.inFlight.delete(reply.id)
    if (this.inFlight.size === 0) this.worker?.unref()
    if (!waiting) return
    if (reply.error === undefined) waiting.resolve()
    else waiting.reject(new CompactionError(reply.error))
  }

  private workerOrUndefined(): Worker | undefined {
    if (this.worker || this.failed) return this.worker
    try {
      const require = createRequire(import.meta.url)
      const workerData = { driver: require.resolve('better-sqlite3'), yjs: require.resolve('yjs'), file: this.db.$client.name }
      const worker = new Worker(WORKER_SOURCE, { eval: true, workerData })
      worker.unref()
      worker.on('message', this.onReply)
      worker.on('error', (error) => {
        logSyncWarning({}, 'log compaction worker failed; compacting inline', error)
        this.failed = true
        this.worker = undefined
        this.rejectAll('the compaction worker failed')
      })
      this.worker = worker
      return worker
    } catch (error) {
      logSyncWarning({}, 'could not start the log compaction worker; compacting inline', error)
      this.failed = true
      return undefined
    }
  }
}
