import { mkdirSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import Database from 'better-sqlite3'
import { drizzle, type BetterSQLite3Database } from 'drizzle-orm/better-sqlite3'
import { migrate } from 'drizzle-orm/better-sqlite3/migrator'
import { defineMigrationFunctions } from './migrationFunctions'
import * as schema from './schema'
import { StartupError } from '../startupError'

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
  try {
    sqlite.pragma('journal_mode = WAL')
  } catch (error) {
    sqlite.close()
    throw notADatabase(file, error)
  }
  sqlite.pragma('synchronous = NORMAL')
  sqlite.pragma('foreign_keys = ON')
  sqlite.pragma('busy_timeout = 5000')
  const db = drizzle(sqlite, { schema })
  defineMigrationFunctions(sqlite)
  migrate(db, { migrationsFolder })
  return db
}

/**
 * A database file SQLite cannot read (a backup copied half-way, another file put in its place)
 * as a {@link StartupError} naming it and what to do; any other error as it is.
 */
export function notADatabase(file: string, error: unknown): unknown {
  const code = (error as { code?: unknown }).code
  if (code !== 'SQLITE_NOTADB' && code !== 'SQLITE_CORRUPT') return error
  return new StartupError(
    `${file} is not a readable SQLite database (a damaged file, or a backup that was not copied whole): stop Storyloom and put back the storyloom.sqlite from your backup, or move it away to start with an empty one`,
    { cause: error },
  )
}
