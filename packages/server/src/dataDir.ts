import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs'
import { join } from 'node:path'
import { StartupError } from './startupError'

/** The SQLite database's file name in the data directory. */
export const DATABASE_FILE = 'storyloom.sqlite'
/** The uploaded and generated files' folder in the data directory. */
export const ASSETS_FOLDER = 'assets'
/** Where the generated worker token is kept in the data directory. */
export const WORKER_TOKEN_FILE = 'worker-token'

const readWrite = constants.R_OK | constants.W_OK

/**
 * Creates the data directory when missing and checks that this process can use it and what the
 * server writes in it (the database and its WAL files, `assets/`, the worker token), so a wrong
 * `STORYLOOM_DATA_DIR` or wrong permissions — a backup restored as root, say — stop the start
 * with a sentence naming the path instead of a stack trace, or a server that fails every upload.
 * `workerTokenFile`: false when `STORYLOOM_WORKER_TOKEN` replaces the file.
 */
export function prepareDataDir(dir: string, { workerTokenFile = true }: { workerTokenFile?: boolean } = {}): void {
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, readWrite | constants.X_OK)
  } catch (error) {
    throw new StartupError(
      `cannot use the data directory ${dir} (${codeOf(error)}): set STORYLOOM_DATA_DIR to a folder this user${userId()} can create and write, or fix the folder's owner and permissions`,
      { cause: error },
    )
  }
  for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) checkIfPresent(join(dir, file), 'file', readWrite)
  if (workerTokenFile) checkIfPresent(join(dir, WORKER_TOKEN_FILE), 'file', constants.R_OK)
  const assets = join(dir, ASSETS_FOLDER)
  try {
    mkdirSync(assets, { recursive: true })
  } catch (error) {
    throw unusable(assets, 'folder', error)
  }
  checkIfPresent(assets, 'folder', readWrite | constants.X_OK)
}

/** Checks `path`, when it exists, is a `kind` this process may use with `mode`. */
function checkIfPresent(path: string, kind: 'file' | 'folder', mode: number): void {
  if (!existsSync(path)) return
  try {
    const stats = statSync(path)
    if (kind === 'file' ? !stats.isFile() : !stats.isDirectory()) throw Object.assign(new Error(`not a ${kind}`), { code: `not a ${kind}` })
    accessSync(path, mode)
  } catch (error) {
    throw unusable(path, kind, error)
  }
}

function unusable(path: string, kind: 'file' | 'folder', error: unknown): StartupError {
  const want = kind === 'file' && path.endsWith(WORKER_TOKEN_FILE) ? 'read' : 'read and write'
  return new StartupError(
    `cannot use ${path} in the data directory (${codeOf(error)}): it must be a ${kind} this user${userId()} can ${want}; fix its owner and permissions (e.g. chown -R to this user after restoring a backup)`,
    { cause: error },
  )
}

function codeOf(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? (error as Error).message
}

function userId(): string {
  return typeof process.getuid === 'function' ? ` (user id ${process.getuid()})` : ''
}
