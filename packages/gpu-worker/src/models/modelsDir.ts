import { randomBytes } from 'node:crypto'
import { statSync } from 'node:fs'
import { mkdir, mkdtemp, readdir, rename, rm, stat } from 'node:fs/promises'
import { join, resolve } from 'node:path'

/**
 * The models directory: one folder per model, named by its id. Folders whose name starts with
 * "." are the installer's and registry's staging and trash folders, never models; they live in
 * the models directory itself so that moving a finished folder into place is one `rename` on
 * one file system (atomic: a model is either fully there or not there at all).
 */

/**
 * Where models live: `STORYLOOM_MODELS_DIR`, else `models` inside `STORYLOOM_DATA_DIR` (default
 * `./data`), relative to the folder the command was started from (pnpm's `INIT_CWD`, the same
 * rule the server uses for its data directory).
 */
export function resolveModelsDir(env: NodeJS.ProcessEnv = process.env): string {
  const base = env.INIT_CWD ?? process.cwd()
  if (env.STORYLOOM_MODELS_DIR) return resolve(base, env.STORYLOOM_MODELS_DIR)
  return resolve(base, env.STORYLOOM_DATA_DIR ?? 'data', 'models')
}

/**
 * What is wrong with `modelsDir` as a setting, in a line naming STORYLOOM_MODELS_DIR, or
 * undefined when it is a folder or not there yet (it is created when a model is installed or
 * built). A file there would otherwise fail every listing with a bare ENOTDIR.
 */
export function modelsDirProblem(modelsDir: string): string | undefined {
  let isFolder: boolean
  try {
    isFolder = statSync(modelsDir).isDirectory()
  } catch {
    return undefined // not there (created when needed) or not reachable (reported, with what to do, when read)
  }
  if (isFolder) return undefined
  return `the models folder ${modelsDir} is a file, not a folder: set STORYLOOM_MODELS_DIR to a folder (one that does not exist yet is created), or move that file away`
}

/** True for names the registry skips: staging, trash and other hidden folders. */
export function isHiddenEntry(name: string): boolean {
  return name.startsWith('.')
}

/** A fresh, empty staging folder inside the models directory (created with it if needed). */
export async function createStagingDir(modelsDir: string, purpose: string): Promise<string> {
  await mkdir(modelsDir, { recursive: true })
  return mkdtemp(join(modelsDir, `.${purpose}-`))
}

/**
 * Moves a finished staging folder to `target` with one rename. Returns false (and leaves both
 * folders as they are) when `target` already exists.
 */
export async function moveIntoPlace(staged: string, target: string): Promise<boolean> {
  try {
    await rename(staged, target)
    return true
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code
    if (code === 'ENOTEMPTY' || code === 'EEXIST' || code === 'ENOTDIR') return false
    throw error
  }
}

/**
 * Removes a model folder: first renamed out of sight (so no reader ever sees half of it), then
 * deleted. Does nothing when it does not exist.
 */
export async function removeFolderAtomically(modelsDir: string, dir: string): Promise<void> {
  const trash = join(modelsDir, `.trash-${randomBytes(6).toString('hex')}`)
  try {
    await rename(dir, trash)
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return
    throw error
  }
  await rm(trash, { recursive: true, force: true })
}

/** Staging folders older than this are from an install or build that was killed. */
export const STALE_STAGING_MS = 24 * 60 * 60 * 1000

/**
 * Deletes what interrupted work left in the models directory: trash folders (already out of
 * sight, their deletion was cut short) and staging folders untouched for a day (a running
 * install keeps writing to its folder, so a recent one is never removed). Returns the names
 * removed.
 */
export async function sweepLeftovers(modelsDir: string, now = Date.now()): Promise<string[]> {
  let names: string[]
  try {
    names = (await readdir(modelsDir)).filter((name) => /^\.(trash|install|build|aside)-/u.test(name))
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const path = join(modelsDir, name)
    const info = await stat(path).catch(() => null)
    if (!info) continue
    if (name.startsWith('.trash-') || now - info.mtimeMs > STALE_STAGING_MS) {
      await rm(path, { recursive: true, force: true })
      removed.push(name)
    }
  }
  return removed
}
