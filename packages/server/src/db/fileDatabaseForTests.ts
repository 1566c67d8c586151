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
