import { mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { join } from 'node:path'

/** Linux's RAM-backed directory, where result images are handed over. */
export const SHM_DIR = '/dev/shm'

/** `storyloom-inference-<pid of the worker that made it>-<mkdtemp's 6 characters>`. */
const NAME = /^storyloom-inference-(\d+)-[A-Za-z0-9]{6}$/u

/**
 * A fresh directory on /dev/shm for one inference process's result images, named after this
 * (the owning) process, or undefined where there is none (they then go over IPC). The parent
 * removes it when the inference process exits; the inference process removes it when its parent
 * is gone; {@link removeOrphanedImageDirs} catches what both missed.
 */
export function ramImageDir(root = SHM_DIR): string | undefined {
  try {
    return mkdtempSync(join(root, `storyloom-inference-${process.pid}-`))
  } catch {
    return undefined
  }
}

/**
 * Removes the image directories whose owning worker process no longer exists (killed together
 * with its inference process, e.g. by `kill -9` on the process group or an OOM kill). Only
 * names of {@link ramImageDir}'s pattern are touched, and only when their pid is certainly
 * gone: a pid of another user's live process (EPERM) counts as alive. Returns what it removed.
 */
export function removeOrphanedImageDirs(root = SHM_DIR): string[] {
  let names: string[]
  try {
    names = readdirSync(root)
  } catch {
    return []
  }
  const removed: string[] = []
  for (const name of names) {
    const pid = Number(NAME.exec(name)?.[1])
    if (!pid || pid === process.pid || processExists(pid)) continue
    try {
      rmSync(join(root, name), { recursive: true, force: true })
      removed.push(name)
    } catch {
      // Another user's directory (sticky /dev/shm), or gone already: not ours to worry about.
    }
  }
  return removed
}

function processExists(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch (error) {
    return (error as NodeJS.ErrnoException).code !== 'ESRCH'
  }
}
