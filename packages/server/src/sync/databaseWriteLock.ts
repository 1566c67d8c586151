/**
 * An in-process lock over SQLite write transactions, shared (SharedArrayBuffer + Atomics) by the
 * event loop's connection and the database worker threads' connections to the same file.
 *
 * SQLite lets one connection write at a time. A connection that finds the write lock taken calls
 * its busy handler, which in better-sqlite3's build sleeps 1, 2, 5, 10 … ms however briefly the
 * lock is held: an append on the broadcast path that met a worker's commit (the WAL restart after
 * a checkpoint, a compaction's snapshot) slept at least 1 ms (docs/performance.md, Sync). With this
 * lock the event loop instead waits exactly as long as the worker holds it (`Atomics.wait`, woken
 * by the worker's release), and workers start their writes in the gap right after an event-loop
 * write, so at 60 Hz an append rarely waits at all.
 *
 * The lock is advisory: SQLite's own locking still guards every write, and busy_timeout remains the
 * fallback for other processes (and for a waiter that gives up, see TURN_TIMEOUT_MS).
 */
import type Database from 'better-sqlite3'
import type { Db } from '../db/openDatabase'

// Int32 slots of the shared buffer.
const HOLDER = 0 // 0: free, 1: the event loop, ≥ 2: the worker with that id
const WRITES = 1 // event-loop writes so far (wraps), for workers waiting for the gap after one
const WAITERS = 2 // workers blocked in Atomics.wait: the event loop notifies only when there are any
const SLOTS = 3

const FREE = 0
const EVENT_LOOP = 1

/**
 * Longest a thread waits for the lock before writing without it (SQLite's busy handling then
 * applies). Reached only if a holder is stuck in SQLite's busy handler behind another process, or
 * a worker died holding the lock before the event loop could release it for it.
 */
const TURN_TIMEOUT_MS = 1_000

/**
 * How long a worker waits by default for an event-loop write to start its own in the gap after
 * it: longer than the 16.7 ms between a 60 Hz writer's updates.
 */
export const DEFAULT_WRITE_GAP_WAIT_MS = 25

/** What a database worker gets (in its workerData) to take part. */
export type WriteLockHandle = { buffer: SharedArrayBuffer; id: number; gapWaitMs: number }

/** The write lock of one database connection and its workers; get it with {@link writeLockOf}. */
export class DatabaseWriteLock {
  private readonly state: Int32Array | undefined
  private nextWorkerId = 2
  /** Event-loop writes that had to wait for a worker's, and their wait in all (tests, diagnostics). */
  readonly waited = { writes: 0, ms: 0 }

  constructor(private readonly client: Database.Database) {
    // No worker can open an in-memory database: nothing to coordinate with.
    this.state = client.memory ? undefined : new Int32Array(new SharedArrayBuffer(SLOTS * Int32Array.BYTES_PER_ELEMENT))
  }

  /**
   * Runs `write` (one or more synchronous SQLite write statements on the event loop's connection)
   * holding the lock, waiting first — exactly until it is released — if a worker holds it.
   */
  run<T>(write: () => T): T {
    const state = this.state
    // Inside a transaction this connection may already hold SQLite's lock, which a worker holding
    // this one could be waiting for: write as SQLite alone would.
    if (!state || this.client.inTransaction) return write()
    if (Atomics.compareExchange(state, HOLDER, FREE, EVENT_LOOP) !== FREE && !this.waitForTurn(state)) return write()
    try {
      return write()
    } finally {
      Atomics.store(state, HOLDER, FREE)
      Atomics.add(state, WRITES, 1)
      // A worker that counted itself in before this load is woken; one that counts itself in after
      // it sees the new values and does not sleep.
      if (Atomics.load(state, WAITERS) > 0) {
        Atomics.notify(state, HOLDER)
        Atomics.notify(state, WRITES)
      }
    }
  }

  /** Workers blocked waiting for the lock or for the gap after an event-loop write (tests, diagnostics). */
  get workersWaiting(): number {
    return this.state ? Atomics.load(this.state, WAITERS) : 0
  }

  /** A new worker's share of the lock (undefined for an in-memory database). */
  workerHandle(gapWaitMs = DEFAULT_WRITE_GAP_WAIT_MS): WriteLockHandle | undefined {
    return this.state && { buffer: this.state.buffer as SharedArrayBuffer, id: this.nextWorkerId++, gapWaitMs }
  }

  /** Frees the lock if the worker `id` holds it: it was stopped or died inside a write. */
  releaseHeldBy(id: number): void {
    if (this.state && Atomics.compareExchange(this.state, HOLDER, id, FREE) === id) Atomics.notify(this.state, HOLDER)
  }

  /** Takes the lock once a worker releases it; false if that took longer than TURN_TIMEOUT_MS. */
  private waitForTurn(state: Int32Array): boolean {
    const start = performance.now()
    const deadline = start + TURN_TIMEOUT_MS
    this.waited.writes++
    try {
      for (;;) {
        const holder = Atomics.compareExchange(state, HOLDER, FREE, EVENT_LOOP)
        if (holder === FREE) return true
        const left = deadline - performance.now()
        if (left <= 0) return false
        Atomics.wait(state, HOLDER, holder, left)
      }
    } finally {
      this.waited.ms += performance.now() - start
    }
  }
}

const locks = new WeakMap<Database.Database, DatabaseWriteLock>()

/** The write lock of `db`'s connection, shared by everything that writes through it. */
export function writeLockOf(db: Db): DatabaseWriteLock {
  let lock = locks.get(db.$client)
  if (!lock) {
    lock = new DatabaseWriteLock(db.$client)
    locks.set(db.$client, lock)
  }
  return lock
}

/**
 * CommonJS for a database worker (see LazyDatabaseWorker), given `workerData.writeLock` (a
 * {@link WriteLockHandle} or undefined). Defines `awaitWriteGap()`, which returns right after the
 * event loop's next write (or after the handle's `gapWaitMs` without one), `takeWriteTurn(write)`,
 * which runs `write` holding the lock, and `inWriteTurn(write)`, the two in a row.
 */
export const WORKER_WRITE_LOCK_SOURCE = `
const writeLock = workerData.writeLock && new Int32Array(workerData.writeLock.buffer)
function waitCounted(index, value, ms) {
  Atomics.add(writeLock, ${WAITERS}, 1)
  try {
    return Atomics.wait(writeLock, index, value, ms)
  } finally {
    Atomics.sub(writeLock, ${WAITERS}, 1)
  }
}
function takeWriteTurn(write) {
  if (!writeLock) return write()
  const deadline = Date.now() + ${TURN_TIMEOUT_MS}
  for (;;) {
    const holder = Atomics.compareExchange(writeLock, ${HOLDER}, ${FREE}, workerData.writeLock.id)
    if (holder === ${FREE}) break
    const left = deadline - Date.now()
    if (left <= 0) return write() // SQLite's busy handling decides
    waitCounted(${HOLDER}, holder, left)
  }
  try {
    return write()
  } finally {
    Atomics.store(writeLock, ${HOLDER}, ${FREE})
    Atomics.notify(writeLock, ${HOLDER})
  }
}
function awaitWriteGap() {
  if (writeLock) waitCounted(${WRITES}, Atomics.load(writeLock, ${WRITES}), workerData.writeLock.gapWaitMs)
}
function inWriteTurn(write) {
  awaitWriteGap()
  return takeWriteTurn(write)
}
`
