import { spawn, type ChildProcess } from 'node:child_process'
import { existsSync, mkdtempSync, readFileSync, rmSync, unlinkSync } from 'node:fs'
import { createRequire } from 'node:module'
import { tmpdir } from 'node:os'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { serverNodeFlags } from '@storyloom/server/nodeFlags'
import { spawnServer } from '../../support/serverProcess'
import { freePort } from '../../support/freePort'

/** A sync server under benchmark, in its own process so its CPU can be measured alone. */
export type BenchServer = {
  name: string
  pid: number
  /** How long the server may keep working after a board's last client left (unloading it). */
  busyAfterLastClientMs: number
  /** Returns the WebSocket URL of a fresh room/board. */
  newRoom(label: string): Promise<string>
  /** The server's live memory (heap used + external, bytes) after a full garbage collection. */
  liveMemory(): Promise<number>
  stop(): Promise<void>
}

const heapProbe = fileURLToPath(new URL('./heapProbe.cjs', import.meta.url))

/** Environment that preloads heapProbe.cjs into a server, reporting to a file of its own. */
function heapProbeEnv(): { env: Record<string, string>; file: string } {
  const file = join(mkdtempSync(join(tmpdir(), 'storyloom-bench-heap-')), 'heap.json')
  const nodeOptions = [process.env.NODE_OPTIONS, `--require ${heapProbe}`].filter(Boolean).join(' ')
  return { env: { NODE_OPTIONS: nodeOptions, BENCH_HEAP_FILE: file }, file }
}

/** Asks the server `pid` (started with heapProbeEnv) for its memory after a full collection. */
async function readLiveMemory(pid: number, file: string): Promise<number> {
  if (existsSync(file)) unlinkSync(file)
  process.kill(pid, 'SIGUSR2')
  const deadline = Date.now() + 10_000
  while (!existsSync(file)) {
    if (Date.now() > deadline) throw new Error(`server ${pid} did not report its memory (heapProbe.cjs not loaded?)`)
    await new Promise((r) => setTimeout(r, 20))
  }
  const usage = JSON.parse(readFileSync(file, 'utf8')) as NodeJS.MemoryUsage
  return usage.heapUsed + usage.external
}

function waitForExit(child: ChildProcess): Promise<void> {
  return new Promise((resolve) => {
    if (child.exitCode !== null || child.signalCode !== null) resolve()
    else child.once('exit', () => resolve())
  })
}

/**
 * The bare reference: @y/websocket-server 0.1.1 (the last release for Yjs 13), in memory, run
 * with the same V8 flags as Storyloom's server so neither gets a different young generation.
 */
export async function startReferenceServer(): Promise<BenchServer> {
  const require = createRequire(import.meta.url)
  const pkg = require.resolve('@y/websocket-server/package.json')
  const port = await freePort()
  const probe = heapProbeEnv()
  const child = spawn(process.execPath, [...serverNodeFlags, join(dirname(pkg), 'src/server.js')], {
    env: { ...process.env, ...probe.env, HOST: '127.0.0.1', PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  })
  await new Promise<void>((resolve, reject) => {
    child.stdout!.on('data', (d: Buffer) => d.toString().includes('running') && resolve())
    child.once('exit', (code) => reject(new Error(`reference server exited ${code}`)))
  })
  let n = 0
  return {
    name: '@y/websocket-server 0.1.1',
    pid: child.pid!,
    busyAfterLastClientMs: 0, // it drops a room at once
    newRoom: async (label) => `ws://127.0.0.1:${port}/${label}-${n++}`,
    liveMemory: () => readLiveMemory(child.pid!, probe.file),
    async stop() {
      child.kill('SIGTERM')
      await waitForExit(child)
    },
  }
}

/** Storyloom's server (validating, persisting to SQLite), started as `pnpm start` runs it. */
export async function startStoryloomServer(
  dataDir = mkdtempSync(join(tmpdir(), 'storyloom-bench-')),
  env: Record<string, string> = {},
): Promise<BenchServer & { url: string; dataDir: string }> {
  const probe = heapProbeEnv()
  const server = await spawnServer({ STORYLOOM_DATA_DIR: dataDir, STORYLOOM_CANVAS_DIST: '/nonexistent', ...probe.env, ...env })
  return {
    name: 'Storyloom',
    url: server.url,
    // Rooms unload, compacting the board's log, 5 s after the last client left (createSyncServer's unloadAfterMs).
    busyAfterLastClientMs: 5_500,
    dataDir,
    pid: server.process.pid!,
    liveMemory: () => readLiveMemory(server.process.pid!, probe.file),
    async newRoom(label) {
      const res = await fetch(`${server.url}/api/boards`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ name: label }),
      })
      if (!res.ok) throw new Error(`could not create board: ${res.status} ${await res.text()}`)
      const board = (await res.json()) as { id: string }
      return `${server.url.replace(/^http/, 'ws')}/sync/${board.id}`
    },
    async stop() {
      await server.kill('SIGTERM')
    },
  }
}

/** Removes a data directory made by startStoryloomServer. */
export function removeDataDir(dir: string) {
  rmSync(dir, { recursive: true, force: true })
}
