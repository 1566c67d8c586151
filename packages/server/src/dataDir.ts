import { accessSync, constants, existsSync, mkdirSync, statSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { StartupError } from './startupError'

/** The SQLite database's file name in the data directory. */
export const DATABASE_FILE = 'storyloom.sqlite'
/** The uploaded and generated files' folder in the data directory. */
export const ASSETS_FOLDER = 'assets'
/** Where the generated worker token is kept in the data directory. */
export const WORKER_TOKEN_FILE = 'worker-token'

const readWrite = constants.R_OK | constants.W_OK

/**
 * The database file of the data directory `dir`, for a command run beside the server (`pnpm
 * reset-link`, `pnpm backup`): opening a missing one would create an empty database, so a wrong
 * STORYLOOM_DATA_DIR says so instead.
 */
export function existingDatabaseFile(dir: string): string {
  const file = join(dir, DATABASE_FILE)
  if (!existsSync(file)) throw new StartupError(`there is no Storyloom database in ${dir}: set STORYLOOM_DATA_DIR to the server's data directory`)
  return file
}

/**
 * Creates the data directory when missing and checks that this process can use it and what the
 * server writes in it (the database and its WAL files, `assets/`, the worker token), so a wrong
 * `STORYLOOM_DATA_DIR` or wrong permissions — a backup restored as root, say — stop the start
 * with a sentence naming the path instead of a stack trace, or a server that fails every upload.
 * `workerTokenFile`: false when `STORYLOOM_WORKER_TOKEN` replaces the file.
 */
export function prepareDataDir(dir: string, { workerTokenFile = true }: { workerTokenFile?: boolean } = {}): void {
  if (existsSync(dir) && !statSync(dir).isDirectory()) {
    throw new StartupError(`the data directory ${dir} is a file, not a folder: set STORYLOOM_DATA_DIR to a folder (one that does not exist yet is created), or move that file away`)
  }
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, readWrite | constants.X_OK)
  } catch (error) {
    const file = (error as NodeJS.ErrnoException).code === 'ENOTDIR' ? fileOnTheWay(dir) : undefined
    if (file !== undefined) {
      throw new StartupError(`cannot create the data directory ${dir}: ${file} is a file, not a folder; set STORYLOOM_DATA_DIR to a folder that can be created`, { cause: error })
    }
    throw new StartupError(
      `cannot use the data directory ${dir} (${reasonOf(error)}): set STORYLOOM_DATA_DIR to a folder this user${userId()} can create and write, or fix the folder's owner and permissions`,
      { cause: error },
    )
  }
  for (const file of [DATABASE_FILE, `${DATABASE_FILE}-wal`, `${DATABASE_FILE}-shm`]) checkIfPresent(join(dir, file), 'file', readWrite)
  if (workerTokenFile) checkIfPresent(join(dir, WORKER_TOKEN_FILE), 'file', constants.R_OK)
  const assets = join(dir, ASSETS_FOLDER)
  checkIfPresent(assets, 'folder', readWrite | constants.X_OK)
  try {
    mkdirSync(assets, { recursive: true })
  } catch (error) {
    throw unusable(assets, 'folder', error)
  }
}

/** The first path on the way to `dir` that is a file (why it cannot be created), if any. */
function fileOnTheWay(dir: string): string | undefined {
  for (let path = dirname(dir); path !== dirname(path); path = dirname(path)) {
    try {
      if (statSync(path).isFile()) return path
    } catch {
      // Not there or not reachable: look further up.
    }
  }
  return undefined
}

/** Checks `path`, when it exists, is a `kind` this process may use with `mode`. */
function checkIfPresent(path: string, kind: 'file' | 'folder', mode: number): void {
  if (!existsSync(path)) return
  let stats
  try {
    stats = statSync(path)
  } catch (error) {
    throw unusable(path, kind, error)
  }
  if (kind === 'file' ? !stats.isFile() : !stats.isDirectory()) {
    const other = kind === 'file' ? 'folder' : 'file'
    throw new StartupError(
      `cannot use ${path} in the data directory: it is a ${other}, not a ${kind}; move it away${kind === 'folder' || path.endsWith(WORKER_TOKEN_FILE) ? ' (Storyloom makes a new one at start)' : ''} or put back the ${kind} from your backup`,
    )
  }
  try {
    accessSync(path, mode)
  } catch (error) {
    throw unusable(path, kind, error)
  }
}

function unusable(path: string, kind: 'file' | 'folder', error: unknown): StartupError {
  const want = kind === 'file' && path.endsWith(WORKER_TOKEN_FILE) ? 'read' : 'read and write'
  return new StartupError(
    `cannot use ${path} in the data directory (${reasonOf(error)}): it must be a ${kind} this user${userId()} can ${want}; fix its owner and permissions (e.g. chown -R to this user after restoring a backup)`,
    { cause: error },
  )
}

/** A file system error in words, not its errno code. */
function reasonOf(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code
  switch (code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied'
    case 'EROFS':
      return 'the file system is read-only'
    case 'ENOSPC':
      return 'the disk is full'
    case 'ELOOP':
      return 'a symbolic link loop'
    default:
      return code ?? (error as Error).message
  }
}

function userId(): string {
  return typeof process.getuid === 'function' ? ` (user id ${process.getuid()})` : ''
}
