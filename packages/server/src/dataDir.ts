import { accessSync, constants, existsSync, mkdirSync } from 'node:fs'
import { join } from 'node:path'
import { StartupError } from './startupError'

/** The SQLite database's file name in the data directory. */
export const DATABASE_FILE = 'storyloom.sqlite'

/**
 * Creates the data directory when missing and checks that this process can write it and its
 * database, so a wrong `STORYLOOM_DATA_DIR` or wrong permissions stop the start with a
 * sentence instead of an error from deep inside SQLite.
 */
export function prepareDataDir(dir: string): void {
  try {
    mkdirSync(dir, { recursive: true })
    accessSync(dir, constants.R_OK | constants.W_OK | constants.X_OK)
    const database = join(dir, DATABASE_FILE)
    if (existsSync(database)) accessSync(database, constants.R_OK | constants.W_OK)
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    const user = typeof process.getuid === 'function' ? ` (user id ${process.getuid()})` : ''
    throw new StartupError(
      `cannot use the data directory ${dir} (${code ?? (error as Error).message}): set STORYLOOM_DATA_DIR to a folder this user${user} can create and write, or fix the folder's owner and permissions`,
      { cause: error },
    )
  }
}
