/**
 * Checkpoints the SQLite WAL from a worker thread with its own connection. A checkpoint fsyncs
 * the database (milliseconds, tens under disk pressure); run on the event loop it would stall
 * every board's fan-out. A PASSIVE checkpoint runs alongside the main connection's appends.
 *
 * After a checkpoint that copied every frame, SQLite restarts the WAL at the next commit and
 * fsyncs its new header there (even with synchronous=NORMAL). Left to the next append, that
 * fsync stalled the broadcast path once per checkpoint (the 1–65 ms tail of ~0.5 % of appends,
 * see docs/performance.md, Sync); the worker commits a no-op write right after its checkpoint,
 * so the restart and its fsync happen in this thread.
 */
import type { Db } from '../db/openDatabase'
import { LazyDatabaseWorker } from './lazyDatabaseWorker'

// CommonJS, evaluated in the worker (see LazyDatabaseWorker).
const HANDLER_SOURCE = `
// Like the main connection: this connection's own (no-op) commits need no fsync of their own.
db.pragma('synchronous = NORMAL')
// user_version is unused; it is rewritten unchanged, read and written under one write lock.
const restartWal = db.transaction(() => db.pragma('user_version = ' + db.pragma('user_version', { simple: true })))
function handle() {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)')
  // Every frame is in the database file now, so the next commit restarts the WAL from its start,
  // and the commit that does so fsyncs the new WAL header. Make that commit this thread's.
  if (result.busy === 0 && result.log > 0 && result.checkpointed === result.log) restartWal.immediate()
}
`

/** Runs PASSIVE WAL checkpoints off the event loop (falls back to inline if the worker fails). */
export class WalCheckpointer {
  private readonly worker: LazyDatabaseWorker<null>
  private running: Promise<void> | undefined

  constructor(private readonly db: Db) {
    this.worker = new LazyDatabaseWorker(db, {
      what: 'WAL checkpoint',
      fallback: 'checkpointing inline',
      busyTimeoutMs: 1_000,
      handlerSource: HANDLER_SOURCE,
      holdProcessWhileBusy: false,
    })
  }

  /** Starts a checkpoint unless one is already running; resolves when the running one ends. */
  request(): Promise<void> {
    if (this.db.$client.memory) return Promise.resolve()
    if (this.running) return this.running
    if (!this.worker.available) {
      this.checkpointInline()
      return Promise.resolve()
    }
    // Busy or failing: the next request retries, and SQLite's own checkpoint remains.
    const running = this.worker.run(null).catch(() => {})
    this.running = running.finally(() => (this.running = undefined))
    return this.running
  }

  /** Stops the worker (and its connection). */
  close(): Promise<void> {
    return this.worker.close()
  }

  private checkpointInline(): void {
    try {
      this.db.$client.pragma('wal_checkpoint(PASSIVE)')
    } catch {
      // retried after the next appends; SQLite's own checkpoint remains
    }
  }
}
