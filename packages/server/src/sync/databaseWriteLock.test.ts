import { describe, expect, it as base, vi } from 'vitest'
import { fileDatabaseFixture } from '../db/fileDatabaseForTests'
import type { Db } from '../db/openDatabase'
import { writeLockOf } from './databaseWriteLock'
import { LazyDatabaseWorker, type DatabaseWorkerSpec } from './lazyDatabaseWorker'

/** Waits for a worker thread's first step: its start can take seconds on a busy machine (vi.waitFor's own limit is 1 s). */
const WORKER_STARTED = { interval: 1, timeout: 20_000 }

/**
 * A file database whose event-loop connection never waits in SQLite's busy handler: a write that
 * finds SQLite's write lock taken fails with SQLITE_BUSY at once, so a collision with a worker's
 * write cannot go unnoticed.
 */
const it = base.extend<{ db: Db }>({ db: fileDatabaseFixture('storyloom-writelock-', { busyTimeoutMs: 0 }) })

/**
 * `hold <ms>` writes a board and holds SQLite's write lock for that long inside a write turn;
 * `gap` writes one in the gap after the event loop's next write; `forever` writes one in its turn
 * and never leaves it.
 */
const spec: DatabaseWorkerSpec = {
  what: 'test',
  fallback: 'nothing',
  busyTimeoutMs: 5_000,
  holdProcessWhileBusy: false,
  writeGapWaitMs: 60_000, // the gap test writes once it saw the worker waiting for it
  handlerSource: `
const insert = db.prepare("INSERT INTO boards (id, name) VALUES (?, 'x')")
const hold = db.transaction((ms) => {
  insert.run('worker')
  const until = Date.now() + ms
  while (Date.now() < until) {}
})
function handle(message) {
  if (message === 'gap') inWriteTurn(() => insert.run('worker'))
  else if (message === 'forever') takeWriteTurn(() => { insert.run('stuck'); for (;;) {} })
  else takeWriteTurn(() => hold.immediate(Number(message.split(' ')[1])))
}`,
}

const boardIds = (db: Db) => db.$client.prepare('SELECT id FROM boards ORDER BY rowid').pluck().all()

/** Whether SQLite's write lock is free right now (this connection fails at once otherwise). */
function sqliteWriteLockFree(db: Db): boolean {
  try {
    db.$client.exec('BEGIN IMMEDIATE; ROLLBACK')
    return true
  } catch {
    return false
  }
}

describe('DatabaseWriteLock', () => {
  it("makes an event-loop write wait for exactly a worker's write, not fail or sleep", async ({ db }) => {
    const lock = writeLockOf(db)
    const insert = db.$client.prepare("INSERT INTO boards (id, name) VALUES (?, 'x')")
    const worker = new LazyDatabaseWorker<string>(db, spec)
    const held = worker.run('hold 300')
    await vi.waitFor(() => expect(sqliteWriteLockFree(db)).toBe(false), WORKER_STARTED)
    // Without the lock this throws SQLITE_BUSY (or, with a busy timeout, sleeps in the busy handler).
    lock.run(() => insert.run('event-loop'))
    await held
    expect(lock.waited.writes).toBe(1)
    expect(boardIds(db)).toEqual(['worker', 'event-loop'])
    await worker.close()
  })

  it('starts a worker write in the gap right after the next event-loop write', async ({ db }) => {
    const lock = writeLockOf(db)
    const insert = db.$client.prepare("INSERT INTO boards (id, name) VALUES (?, 'x')")
    const worker = new LazyDatabaseWorker<string>(db, spec)
    await worker.run('hold 0') // started
    db.$client.exec('DELETE FROM boards')
    const gap = worker.run('gap')
    await vi.waitFor(() => expect(lock.workersWaiting).toBe(1), WORKER_STARTED)
    lock.run(() => insert.run('event-loop'))
    await gap
    expect(boardIds(db)).toEqual(['event-loop', 'worker'])
    expect(lock.waited.writes).toBe(0)
    await worker.close()
  })

  it('is freed when a worker is stopped inside its write turn', async ({ db }) => {
    const lock = writeLockOf(db)
    const insert = db.$client.prepare("INSERT INTO boards (id, name) VALUES (?, 'x')")
    const worker = new LazyDatabaseWorker<string>(db, spec)
    const stuck = worker.run('forever').catch(() => 'stopped')
    await vi.waitFor(() => expect(boardIds(db)).toEqual(['stuck']), WORKER_STARTED)
    await worker.close()
    expect(await stuck).toBe('stopped')
    lock.run(() => insert.run('after'))
    expect(lock.waited.writes).toBe(0) // released by close(), not given up on after a second
    expect(boardIds(db)).toEqual(['stuck', 'after'])
  })
})
