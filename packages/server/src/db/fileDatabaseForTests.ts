import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { openDatabase, type Db } from './openDatabase'

/**
 * For tests: a database in a fresh temporary directory — a file, not `:memory:`, because the
 * database worker threads open it with connections of their own. `remove` closes it and deletes
 * the directory.
 */
export function openFileDatabaseForTests(prefix = 'storyloom-db-'): { db: Db; remove: () => void } {
  const dir = mkdtempSync(join(tmpdir(), prefix))
  const db = openDatabase(join(dir, 'storyloom.sqlite'))
  return {
    db,
    remove() {
      db.$client.close()
      rmSync(dir, { recursive: true, force: true })
    },
  }
}

/**
 * A vitest fixture giving each test its own {@link openFileDatabaseForTests} database, removed
 * after the test: `base.extend<{ db: Db }>({ db: fileDatabaseFixture('storyloom-x-') })`.
 * `busyTimeoutMs` sets the event-loop connection's busy_timeout (0: a write that finds SQLite's
 * write lock taken fails with SQLITE_BUSY at once instead of waiting).
 */
export function fileDatabaseFixture(prefix: string, options: { busyTimeoutMs?: number } = {}) {
  return async ({}, use: (db: Db) => Promise<void>): Promise<void> => {
    const { db, remove } = openFileDatabaseForTests(prefix)
    if (options.busyTimeoutMs !== undefined) db.$client.pragma(`busy_timeout = ${options.busyTimeoutMs}`)
    try {
      await use(db)
    } finally {
      remove()
    }
  }
}
