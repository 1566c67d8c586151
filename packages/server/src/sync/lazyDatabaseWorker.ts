/**
 * A worker thread with its own better-sqlite3 connection to the server's database file, started
 * on first use, for work that must stay off the event loop that broadcasts updates (WAL
 * checkpoints, log compaction). Requests are answered in order; if the worker cannot start or
 * fails, `available` turns false, requests in flight are rejected and the caller does the work
 * inline from then on. Never available for an in-memory database (a worker cannot share it).
 */
import { createRequire } from 'node:module'
import { Worker } from 'node:worker_threads'
import type { Db } from '../db/openDatabase'
import { WORKER_WRITE_LOCK_SOURCE, writeLockOf } from './databaseWriteLock'
import { logSyncWarning } from './syncLog'

/** What a worker runs, and how it is described in logs. */
export type DatabaseWorkerSpec = {
  /** Names the work in log lines: "<what> worker failed; <fallback>". */
  what: string
  /** What the caller does instead once the worker is gone, e.g. 'compacting inline'. */
  fallback: string
  /** SQLite busy_timeout of the worker's connection. */
  busyTimeoutMs: number
  /** Packages the handler requires, resolved from the server: `require(workerData.resolved[name])`. */
  packages?: string[]
  /**
   * CommonJS evaluated in the worker (no TypeScript loader there). It has `db` (the connection),
   * `workerData`, and `awaitWriteGap()`, `takeWriteTurn(write)` and `inWriteTurn(write)` (see
   * databaseWriteLock.ts; every write transaction runs inside a turn) in scope, and must define
   * `function handle(message)`, which does the work synchronously and may return a result (any
   * value structured clone copies); a throw is reported to the caller as a failed request.
   */
  handlerSource: string
  /** Keep the process alive while a request is in flight (work that must not be cut off). */
  holdProcessWhileBusy: boolean
  /** Longest `awaitWriteGap()` waits for an event-loop write (default DEFAULT_WRITE_GAP_WAIT_MS). */
  writeGapWaitMs?: number
}

/**
 * The request is not known to be done: the handler threw, or the worker failed or was stopped
 * (its work may still have committed just before; callers treat that as a retryable failure).
 */
export class DatabaseWorkerError extends Error {
  override readonly name = 'DatabaseWorkerError'
}

type Reply = { id: number; result?: unknown; error?: string }

const PRELUDE = `
const { parentPort, workerData } = require('node:worker_threads')
const Database = require(workerData.driver)
const db = new Database(workerData.file)
db.pragma('busy_timeout = ' + workerData.busyTimeoutMs)
// A commit here never checkpoints on its own (inside a write turn, with the event loop waiting);
// the WAL checkpoint worker checkpoints explicitly.
db.pragma('wal_autocheckpoint = 0')
${WORKER_WRITE_LOCK_SOURCE}
`
const LOOP = `
parentPort.on('message', ({ id, message }) => {
  try {
    parentPort.postMessage({ id, result: handle(message) })
  } catch (error) {
    parentPort.postMessage({ id, error: String((error && error.stack) || error) })
  }
})
`

/** One lazily started database worker; see the module comment. */
export class LazyDatabaseWorker<Message, Result = void> {
  private worker: Worker | undefined
  /** Its id in the database's write lock, freed if it stops while holding the lock. */
  private writeLockId: number | undefined
  private failed: boolean
  private nextId = 1
  private readonly inFlight = new Map<number, { resolve(result: Result): void; reject(error: Error): void }>()

  constructor(
    private readonly db: Db,
    private readonly spec: DatabaseWorkerSpec,
  ) {
    this.failed = db.$client.memory
  }

  /** False when the work has to run inline (in-memory database, or the worker failed or was closed). */
  get available(): boolean {
    return !this.failed
  }

  /** Hands `message` to the worker; resolves with what its handler returned, rejects with `DatabaseWorkerError` otherwise. */
  run(message: Message): Promise<Result> {
    const worker = this.workerOrUndefined()
    if (!worker) return Promise.reject(new DatabaseWorkerError(`the ${this.spec.what} worker is not available`))
    const id = this.nextId++
    return new Promise<Result>((resolve, reject) => {
      this.inFlight.set(id, { resolve, reject })
      if (this.spec.holdProcessWhileBusy) worker.ref()
      worker.postMessage({ id, message })
    })
  }

  /** Stops the worker (and its connection); requests still running are rejected. */
  async close(): Promise<void> {
    const worker = this.worker
    this.worker = undefined
    this.failed = true
    if (worker) await worker.terminate()
    this.releaseWriteLock()
    this.rejectAll(`the ${this.spec.what} worker was stopped`)
  }

  private releaseWriteLock(): void {
    if (this.writeLockId !== undefined) writeLockOf(this.db).releaseHeldBy(this.writeLockId)
  }

  private rejectAll(reason: string): void {
    for (const { reject } of this.inFlight.values()) reject(new DatabaseWorkerError(reason))
    this.inFlight.clear()
  }

  private readonly onReply = (reply: Reply): void => {
    const waiting = this.inFlight.get(reply.id)
    this.inFlight.delete(reply.id)
    if (this.inFlight.size === 0) this.worker?.unref()
    if (!waiting) return
    if (reply.error === undefined) waiting.resolve(reply.result as Result)
    else waiting.reject(new DatabaseWorkerError(reply.error))
  }

  private workerOrUndefined(): Worker | undefined {
    if (this.worker || this.failed) return this.worker
    const { what, fallback, busyTimeoutMs, packages = [], handlerSource } = this.spec
    try {
      const require = createRequire(import.meta.url)
      const resolved = Object.fromEntries(packages.map((name) => [name, require.resolve(name)]))
      const writeLock = writeLockOf(this.db).workerHandle(this.spec.writeGapWaitMs)
      this.writeLockId = writeLock?.id
      const workerData = { driver: require.resolve('better-sqlite3'), file: this.db.$client.name, busyTimeoutMs, resolved, writeLock }
      const worker = new Worker(PRELUDE + handlerSource + LOOP, { eval: true, workerData })
      worker.unref()
      worker.on('message', this.onReply)
      const fail = (error: unknown) => {
        if (this.worker !== worker) return // closed, or already reported
        logSyncWarning({}, `${what} worker failed; ${fallback}`, error)
        this.failed = true
        this.worker = undefined
        this.releaseWriteLock()
        this.rejectAll(`the ${what} worker failed`)
      }
      worker.on('error', fail)
      // An exit we did not ask for (close() forgets the worker first) would leave requests unanswered.
      worker.on('exit', (code) => fail(new Error(`the worker exited with code ${code}`)))
      this.worker = worker
      return worker
    } catch (error) {
      logSyncWarning({}, `could not start the ${what} worker; ${fallback}`, error)
      this.failed = true
      return undefined
    }
  }
}
