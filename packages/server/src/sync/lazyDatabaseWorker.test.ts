import { describe, expect, it as base } from 'vitest'
import { fileDatabaseFixture } from '../db/fileDatabaseForTests'
import { openDatabase, type Db } from '../db/openDatabase'
import { DatabaseWorkerError, LazyDatabaseWorker, type DatabaseWorkerSpec } from './lazyDatabaseWorker'

const it = base.extend<{ db: Db }>({ db: fileDatabaseFixture('storyloom-dbworker-') })

/** Inserts a board named after the message; 'throw' throws, 'exit' ends the thread, 'crash' throws outside the handler. */
const spec: DatabaseWorkerSpec = {
  what: 'test',
  fallback: 'doing it inline',
  busyTimeoutMs: 1_000,
  holdProcessWhileBusy: false,
  handlerSource: `
const insert = db.prepare("INSERT INTO boards (id, name) VALUES (?, 'x')")
function handle(id) {
  if (id === 'throw') throw new Error('refused ' + id)
  if (id === 'exit') process.exit(3)
  if (id === 'crash') process.nextTick(() => { throw new Error('crashed') }) // after the reply, before the next message
  insert.run(id)
}`,
}

describe('LazyDatabaseWorker', () => {
  it('runs requests on its own connection and reports a handler error without failing', async ({ db }) => {
    const worker = new LazyDatabaseWorker<string>(db, spec)
    await worker.run('b1')
    await expect(worker.run('throw')).rejects.toThrow(/refused throw/)
    await worker.run('b2')
    expect(db.$client.prepare('SELECT id FROM boards ORDER BY id').pluck().all()).toEqual(['b1', 'b2'])
    expect(worker.available).toBe(true)
    await worker.close()
  })

  it('rejects what is in flight when the thread exits, and is unavailable from then on', async ({ db }) => {
    const worker = new LazyDatabaseWorker<string>(db, spec)
    await expect(worker.run('exit')).rejects.toBeInstanceOf(DatabaseWorkerError)
    expect(worker.available).toBe(false)
    await expect(worker.run('b1')).rejects.toThrow(/not available/)
    await worker.close()
  })

  it('rejects what is queued when the thread throws outside a request', async ({ db }) => {
    const worker = new LazyDatabaseWorker<string>(db, spec)
    const crash = worker.run('crash')
    const queued = worker.run('b1')
    // Handled from the start: the thread's error can arrive in the same turn as the crash's
    // reply, and a rejection with no handler yet would be reported as unhandled.
    const queuedRefused = expect(queued).rejects.toBeInstanceOf(DatabaseWorkerError)
    // The crash's own reply is posted before the thread throws, but on a busy machine the
    // thread's error can still be delivered first: then the crash request is rejected too,
    // which is as safe for its caller. Either way it settles; the queued one must be refused.
    await crash.catch((error: unknown) => expect(error).toBeInstanceOf(DatabaseWorkerError))
    await queuedRefused
    expect(worker.available).toBe(false)
    await worker.close()
  })

  it('is never available for an in-memory database', async () => {
    const memory = openDatabase(':memory:')
    const worker = new LazyDatabaseWorker<string>(memory, spec)
    expect(worker.available).toBe(false)
    await expect(worker.run('b1')).rejects.toThrow(/not available/)
    memory.$client.close()
  })
})
