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
 *
 * The restart only happens if no append came between the checkpoint and that commit, so the
 * worker checkpoints right after an append (in the gap before the next one, see
 * databaseWriteLock.ts). Under back-to-back appends there is no such gap and the WAL grows; SQLite
 * would then checkpoint inside an append once it passes 1,000 pages (copy and two fsyncs on the
 * event loop, on every append until one completes). Instead the event loop's automatic checkpoint
 * is raised to a safety net and, once the WAL passes FORCE_RESTART_FRAMES, the worker checkpoints
 * the rest and restarts holding the write lock: appends wait for that once, not for every commit.
 */
import type { Db } from '../db/openDatabase'
import { LazyDatabaseWorker } from './lazyDatabaseWorker'

/** WAL frames (pages) after which the worker completes a checkpoint holding the write lock. */
const FORCE_RESTART_FRAMES = 2_000
/** The event loop's own automatic checkpoint, left as a safety net for a stuck worker. */
const EVENT_LOOP_AUTOCHECKPOINT_PAGES = 10_000

// CommonJS, evaluated in the worker (see LazyDatabaseWorker).
const HANDLER_SOURCE = `
// Like the main connection: this connection's own (no-op) commits need no fsync of their own.
db.pragma('synchronous = NORMAL')
// user_version is unused; it is rewritten unchanged, read and written under one write lock.
const restartWal = db.transaction(() => db.pragma('user_version = ' + db.pragma('user_version', { simple: true })))
function checkpoint() {
  const [result] = db.pragma('wal_checkpoint(PASSIVE)')
  return result
}
// Every frame is in the database file now, so the next commit restarts the WAL from its start.
const complete = (result) => result.busy === 0 && result.log > 0 && result.checkpointed === result.log
function handle() {
  // Right after an append, so that the checkpoint and the restart land in the gap before the next.
  awaitWriteGap()
  const result = checkpoint()
  // The commit that restarts the WAL fsyncs its new header: make it this thread's, at once (an
  // append in between would make it), holding the write lock, so an append that comes meanwhile
  // waits for exactly that commit instead of sleeping in SQLite's busy handler.
  if (complete(result)) takeWriteTurn(() => restartWal.immediate())
  else if (result.log >= ${FORCE_RESTART_FRAMES}) takeWriteTurn(() => complete(checkpoint()) && restartWal.immediate())
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
    if (this.worker.available) db.$client.pragma(`wal_autocheckpoint = ${EVENT_LOOP_AUTOCHECKPOINT_PAGES}`)
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
