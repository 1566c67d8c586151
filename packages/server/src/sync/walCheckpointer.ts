/**
 * Checkpoints the SQLite WAL from a worker thread with its own connection. A checkpoint fsyncs
 * the database (milliseconds, tens under disk pressure); run on the event loop it would stall
 * every board's fan-out. A PASSIVE checkpoint runs alongside the main connection's appends.
 */
import type { Db } from '../db/openDatabase'
import { LazyDatabaseWorker } from './lazyDatabaseWorker'

/** Runs PASSIVE WAL checkpoints off the event loop (falls back to inline if the worker fails). */
export class WalCheckpointer {
  private readonly worker: LazyDatabaseWorker<null>
  private running: Promise<void> | undefined

  constructor(private readonly db: Db) {
    this.worker = new LazyDatabaseWorker(db, {
      what: 'WAL checkpoint',
      fallback: 'checkpointing inline',
      busyTimeoutMs: 1_000,
      handlerSource: `function handle() { db.pragma('wal_checkpoint(PASSIVE)') }`,
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
