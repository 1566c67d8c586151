import { constants, type Stats } from 'node:fs'
import { access, readFile, stat } from 'node:fs/promises'
import { userInfo } from 'node:os'
import { dirname } from 'node:path'
import { ModelFolderUnreadableError } from '../errors'

/** Error codes that mean "this process may not read it", not "it is not there". */
const PERMISSION_CODES = new Set(['EACCES', 'EPERM'])

export function isPermissionError(error: unknown): boolean {
  return PERMISSION_CODES.has((error as NodeJS.ErrnoException | undefined)?.code ?? '')
}

/** Who this process runs as: its user name (for `chown`) and a label for messages ("storyloom (uid 999)"). */
export function processUser(): { name: string; label: string } {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined
  let name: string | undefined
  try {
    name = userInfo().username
  } catch {
    name = undefined
  }
  const chownName = name ?? (uid === undefined ? '<that user>' : String(uid))
  if (uid === undefined) return { name: chownName, label: name ?? 'this user' }
  return { name: chownName, label: name ? `${name} (uid ${uid})` : `uid ${uid}` }
}

/**
 * The error for a model folder this process may not read. The folder is never moved or changed
 * over it: a restore as root leaves good models owned by root, and they must stay where they are.
 * `chownTarget` is what to give to this user (the models folder).
 */
export function unreadableFolderError(folder: string, path: string, cause: unknown, chownTarget = dirname(folder)): ModelFolderUnreadableError {
  const user = processUser()
  return new ModelFolderUnreadableError(
    `cannot read the model folder ${folder}: permission denied on ${path} for ${user.label}, the user Storyloom runs as. ` +
      `Its files probably belong to another user (a data directory restored or copied as root). ` +
      `Give them to that user (chown -R ${user.name} ${chownTarget}) and start again; nothing in it was moved or changed.`,
    { cause },
  )
}

/** The error for a models folder this process may not write to (to build the built-in model in it). */
export function unwritableFolderError(modelsDir: string, cause: unknown): ModelFolderUnreadableError {
  const user = processUser()
  return new ModelFolderUnreadableError(
    `cannot write to the models folder ${modelsDir}: permission denied for ${user.label}, the user Storyloom runs as. ` +
      `Give the folder to that user (chown -R ${user.name} ${modelsDir}) and start again.`,
    { cause },
  )
}

/**
 * Runs a file system call on `path` inside the model folder `folder`: a permission error becomes
 * {@link ModelFolderUnreadableError}, any other failure (not there) is `null`.
 */
async function unlessDenied<T>(folder: string, path: string, call: () => Promise<T>): Promise<T | null> {
  try {
    return await call()
  } catch (error) {
    if (isPermissionError(error)) throw unreadableFolderError(folder, path, error)
    return null
  }
}

/**
 * True when `path` is a file this process can read, false when there is none; throws
 * {@link ModelFolderUnreadableError} when it (or a folder on the way) may not be read.
 */
export async function isReadableFile(folder: string, path: string): Promise<boolean> {
  const info = await unlessDenied(folder, path, () => stat(path))
  if (!info?.isFile()) return false
  return (await unlessDenied(folder, path, async () => (await access(path, constants.R_OK), true))) ?? false
}

/** The folder's stat, or null when there is none; throws {@link ModelFolderUnreadableError} when it may not be searched or listed. */
export async function statFolder(folder: string): Promise<Stats | null> {
  const info = await unlessDenied(folder, folder, () => stat(folder))
  if (info?.isDirectory()) await unlessDenied(folder, folder, () => access(folder, constants.R_OK | constants.X_OK))
  return info
}

/** The text of an optional file: undefined when there is none; throws {@link ModelFolderUnreadableError} when it may not be read. */
export async function readOptionalText(folder: string, path: string): Promise<string | undefined> {
  return (await unlessDenied(folder, path, () => readFile(path, 'utf8'))) ?? undefined
}
