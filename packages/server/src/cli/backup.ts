/**
 * `pnpm backup <folder>`: a consistent copy of the data directory, safe while the server runs.
 * The database is in WAL mode, so copying its file mid-write can give a broken copy; SQLite's
 * online backup (better-sqlite3's `backup`) copies a consistent snapshot instead, whatever the
 * server writes meanwhile. `assets/` is copied after it, so every file the copied database names
 * is there (a file deleted meanwhile, with a board deleted forever, is skipped), and
 * `worker-token` with it. `models/` is left out: models are installed again with `pnpm models install`.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, statSync } from 'node:fs'
import { dirname, join, relative, resolve } from 'node:path'
import { pathToFileURL } from 'node:url'
import Database from 'better-sqlite3'
import { configFromEnv } from '../config'
import { ASSETS_FOLDER, DATABASE_FILE, existingDatabaseFile, WORKER_TOKEN_FILE } from '../dataDir'
import { notADatabase } from '../db/openDatabase'
import { exitOnStartupError, StartupError } from '../startupError'

const USAGE = 'usage: pnpm backup <folder>   (a new or empty folder; run where the server runs, with its STORYLOOM_DATA_DIR)'

/** Copies the data directory `dataDir` into `target` (resolved by the caller); returns the lines to print. Throws {@link StartupError} with a sentence for anything wrong. */
export async function backUpDataDir(dataDir: string, target: string): Promise<string[]> {
  const database = existingDatabaseFile(dataDir)
  if (existsSync(target)) {
    if (!statSync(target).isDirectory()) throw new StartupError(`${target} is a file: give a new or empty folder. ${USAGE}`)
    if (readdirSync(target).length > 0) throw new StartupError(`${target} is not empty: give a new or empty folder, so no earlier backup is mixed with this one. ${USAGE}`)
  }
  const source = new Database(database, { fileMustExist: true })
  try {
    // Read before anything is created: a file that is no database leaves no backup folder behind.
    source.pragma('schema_version')
    source.pragma('busy_timeout = 5000')
    try {
      mkdirSync(target, { recursive: true })
    } catch (error) {
      throw new StartupError(`cannot create the backup folder ${target} (${(error as Error).message})`, { cause: error })
    }
    await source.backup(join(target, DATABASE_FILE))
  } catch (error) {
    throw notADatabase(database, error)
  } finally {
    source.close()
  }
  const files = copyFolder(join(dataDir, ASSETS_FOLDER), join(target, ASSETS_FOLDER))
  const token = join(dataDir, WORKER_TOKEN_FILE)
  if (existsSync(token)) copyFileSync(token, join(target, WORKER_TOKEN_FILE))
  return [
    `Backed up ${dataDir} to ${target}:`,
    `  ${DATABASE_FILE} (boards, versions, accounts), ${ASSETS_FOLDER}/ (${files} file${files === 1 ? '' : 's'})${existsSync(token) ? `, ${WORKER_TOKEN_FILE}` : ''}`,
    'To restore: stop Storyloom, put these in place of the data directory\'s, give them to the user it runs as (chown -R), and start it.',
  ]
}

/** Copies every file under `from` to the same place under `to`; one deleted meanwhile is skipped. Returns how many were copied. */
function copyFolder(from: string, to: string): number {
  mkdirSync(to, { recursive: true })
  if (!existsSync(from)) return 0
  let copied = 0
  for (const entry of readdirSync(from, { recursive: true, withFileTypes: true })) {
    if (!entry.isFile()) continue
    const path = join(entry.parentPath, entry.name)
    const copy = join(to, relative(from, path))
    mkdirSync(dirname(copy), { recursive: true })
    try {
      copyFileSync(path, copy)
      copied += 1
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw error
    }
  }
  return copied
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    const args = process.argv.slice(2)
    if (args.length !== 1 || args[0]!.startsWith('-')) throw new StartupError(USAGE)
    const config = configFromEnv()
    // pnpm runs the script in the server package; a relative folder is from where the user typed the command.
    const target = resolve(process.env.INIT_CWD ?? process.cwd(), args[0]!)
    console.log((await backUpDataDir(config.dataDir, target)).join('\n'))
  } catch (error) {
    exitOnStartupError(error)
  }
}
