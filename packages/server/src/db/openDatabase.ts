import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { defineMigrationFunctions } from './migrationFunctions'
import * as schema from './schema'

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database }

const migrationsFolder = join(dirname(fileURLToPath(import.meta.url)), '../../drizzle')

/**
 * Opens (creating if needed) the SQLite database at `file` in WAL mode and applies the
 * committed migrations. WAL + synchronous=NORMAL keeps every committed transaction across a
 * process crash (kill -9); only an OS crash can lose the last few.
 */
export function openDatabase(file: string): Db {
  if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true })
  const sqlite = new Database(file)
  sqlite.pragma('journal_mode = WAL')
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema })
  defineMigrationFunctions(sqlite)
  migrate(db, { migrationsFolder })
  return db
}
