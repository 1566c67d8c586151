import { execFileSync } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync, statSync, utimesSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { spawnServer, type ServerProcess } from '../support/serverProcess'

// `pnpm start` builds the server to plain JavaScript (packages/app/build.mjs) and bin/serve.sh
// runs that bundle — with the in-process worker and its inference process — only while no
// source is newer than it; a stale bundle is never run, the sources are (through tsx).

const appPackage = fileURLToPath(new URL('../../packages/app', import.meta.url))
const bundleMain = join(appPackage, 'bundle/main.js')

/** The command line of process `pid` (Linux). */
const commandLine = (pid: number) => readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0').join(' ')
/** The command lines of `pid`'s child processes. */
const childCommandLines = (pid: number) =>
  readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8')
    .trim()
    .split(/\s+/)
    .filter(Boolean)
    .map((child) => commandLine(Number(child)))

describe('bin/serve.sh and the server build', () => {
  const running: ServerProcess[] = []
  const dirs: string[] = []
  const start = async () => {
    const dir = mkdtempSync(join(tmpdir(), 'storyloom-serve-build-'))
    dirs.push(dir)
    const server = await spawnServer({ STORYLOOM_DATA_DIR: dir, STORYLOOM_SYNC_WARMUP: 'off' })
    running.push(server)
    return server
  }

  beforeAll(() => {
    execFileSync(process.execPath, [join(appPackage, 'build.mjs')], { stdio: 'inherit' })
  }, 60_000)
  afterAll(async () => {
    await Promise.all(running.map((server) => server.kill()))
    for (const dir of dirs) rmSync(dir, { recursive: true, force: true })
  })

  it('runs the up-to-date bundle, whose built-in worker loads its model in the bundled inference process', async () => {
    const server = await start()
    expect(commandLine(server.process.pid!)).toContain('bundle/main.js')
    expect(server.output()).not.toContain('running the TypeScript sources')
    // The start-up line comes once the worker runs: its model is loaded and announced.
    const models = (await (await fetch(`${server.url}/api/models`)).json()) as { workers: number; models: { builtIn: boolean }[] }
    expect(models.workers).toBe(1)
    expect(models.models.some((model) => model.builtIn)).toBe(true)
    expect(childCommandLines(server.process.pid!).some((line) => line.includes('bundle/inferenceProcess.js'))).toBe(true)
    await server.kill()
  }, 60_000)

  it('runs the TypeScript sources, and says so, when a source is newer than the bundle', async () => {
    const { atime, mtime } = statSync(bundleMain)
    utimesSync(bundleMain, new Date(2000, 0, 1), new Date(2000, 0, 1))
    try {
      const server = await start()
      expect(commandLine(server.process.pid!)).toContain('src/main.ts')
      expect(server.output()).toContain('no up-to-date build in packages/app/bundle')
      await server.kill()
    } finally {
      utimesSync(bundleMain, atime, mtime)
    }
  }, 60_000)
})
