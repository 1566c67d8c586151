import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest'
import { tinyModelDir } from '../testing/tinyModelDir'
import { removeOrphanedImageDirs } from './inferenceImageDir'

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0)
    return true
  } catch {
    return false
  }
}

/** Resolves once every process holding `child`'s stdout and stderr (it and its own children) has closed them. */
function pipesClosed(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => child.once('close', () => resolve()))
}

describe('the inference process when its worker is killed', () => {
  let dir: string
  let imageDir: string | null = null
  beforeAll(async () => {
    dir = await tinyModelDir()
  })
  // Should the test fail, its directory does not stay in RAM.
  afterEach(() => imageDir && rmSync(imageDir, { recursive: true, force: true }))

  it('exits with at most one line, no stack, and removes its image directory', async () => {
    const parent = spawn(process.execPath, ['--import', 'tsx', fileURLToPath(new URL('../testing/inferenceParent.ts', import.meta.url)), dir], {
      cwd: fileURLToPath(new URL('../..', import.meta.url)),
      stdio: ['ignore', 'pipe', 'pipe'],
    })
    let stdout = ''
    let stderr = ''
    parent.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    const closed = pipesClosed(parent)
    const started = await new Promise<{ childPid: number; imageDir: string | null }>((resolve, reject) => {
      parent.stdout.on('data', (chunk: Buffer) => {
        stdout += chunk.toString()
        const line = stdout.split('\n').find((l) => l.startsWith('{'))
        if (line) resolve(JSON.parse(line) as { childPid: number; imageDir: string | null })
      })
      parent.once('exit', (code) => reject(new Error(`the parent exited (${code}) before a step: ${stderr}`)))
    })
    imageDir = started.imageDir
    if (started.imageDir) expect(existsSync(started.imageDir)).toBe(true)

    parent.kill('SIGKILL')
    // The inference process inherited the parent's stdout and stderr: they close when it is gone too.
    await closed
    // Closed its pipes on exit; gone from the process table once init has reaped it.
    await vi.waitFor(() => expect(alive(started.childPid)).toBe(false), { timeout: 10_000, interval: 20 })
    expect(stderr).not.toMatch(/ERR_IPC_CHANNEL_CLOSED|\n\s+at /u)
    expect(stderr.trim().split('\n').filter(Boolean).length).toBeLessThanOrEqual(1)
    if (started.imageDir) expect(existsSync(started.imageDir)).toBe(false)
  })
})

describe('removeOrphanedImageDirs', () => {
  it('removes only image directories whose worker process is gone', async () => {
    const root = mkdtempSync(join(tmpdir(), 'storyloom-shm-'))
    const gone = spawn(process.execPath, ['-e', ''])
    await new Promise((resolve) => gone.once('exit', resolve))
    const deadPid = gone.pid!
    const names = {
      dead: `storyloom-inference-${deadPid}-a1B2c3`,
      live: `storyloom-inference-${process.pid}-d4E5f6`,
      liveOther: `storyloom-inference-1-g7H8i9`, // pid 1 always exists
      notOurs: `other-app-${deadPid}-a1B2c3`,
      oldStyle: 'storyloom-inference-a1B2c3',
    }
    for (const name of Object.values(names)) mkdirSync(join(root, name))
    expect(removeOrphanedImageDirs(root)).toEqual([names.dead])
    expect(readdirSync(root).sort()).toEqual([names.live, names.liveOther, names.notOurs, names.oldStyle].sort())
  })
})
