import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

// `pnpm start`'s entry point: the server plus, without Redis, its in-process generation worker.
const appPackage = fileURLToPath(new URL('../../packages/app', import.meta.url))
export const repoRoot = fileURLToPath(new URL('../..', import.meta.url))

/** How long a stopping server may take before the test kills it. */
const STOP_TIMEOUT_MS = 40_000

export type ServerProcess = {
  url: string
  process: ChildProcess
  /** Everything it printed. */
  output(): string
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Runs the real entry point (`packages/app/src/main.ts`) in a child process, the way
 * `pnpm start` does, on a free port: through `packages/app/bin/serve.sh`, which runs the
 * built bundle while it is up to date (Playwright's global setup builds it) and else the
 * TypeScript sources. For tests that need to kill -9 or restart the process. With
 * `via: 'pnpm'` the child is `pnpm serve` (what `pnpm start` runs after building the canvas
 * and the server), so signals go to pnpm first, as a process manager's would.
 */
export async function spawnServer(env: Record<string, string>, { via = 'node' }: { via?: 'node' | 'pnpm' } = {}): Promise<ServerProcess> {
  // serve.sh execs node, so the child is the server process itself, as under `pnpm start`.
  const child = spawn(via === 'pnpm' ? 'pnpm' : 'sh', via === 'pnpm' ? ['serve'] : ['bin/serve.sh'], {
    cwd: via === 'pnpm' ? repoRoot : appPackage,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: via === 'pnpm', // a process group of its own, for killSignal
  })
  const signalChild = killSignal(child, via)
  let output = ''
  const url = await new Promise<string>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString()
      const match = /running at (http:\/\/\S+)/.exec(output)
      if (match) resolve(match[1]!)
    }
    child.stdout!.on('data', onData)
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
    child.once('exit', (code) => reject(new Error(`server exited (${code}) before listening:\n${output}`)))
  })
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  return {
    url,
    process: child,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      signalChild(signal)
      // A server that outlives its shutdown deadline (see packages/app/src/main.ts) is a bug to see, not a test to hang.
      const stuck = setTimeout(() => {
        console.warn(`[serverProcess] pid ${child.pid} still running ${STOP_TIMEOUT_MS} ms after ${signal}; killing it. Its output:\n${output.slice(-4000)}`)
        signalChild('SIGKILL')
      }, STOP_TIMEOUT_MS)
      await exited
      clearTimeout(stuck)
    },
  }
}

/**
 * Signals a child that is still running. A pnpm-run child (spawned `detached`) is signalled
 * through pnpm, which passes SIGTERM and SIGINT on to the process it runs; SIGKILL cannot be
 * passed on, so it goes to the whole process group, also after pnpm exited, or a server or
 * worker left under it would keep running.
 */
export function killSignal(child: ChildProcess, via: 'node' | 'pnpm'): (signal: NodeJS.Signals) => void {
  return (signal) => {
    const running = child.exitCode === null && child.signalCode === null
    if (via !== 'pnpm' || signal !== 'SIGKILL') {
      if (running) child.kill(signal)
    } else {
      try {
        process.kill(-child.pid!, signal)
      } catch {
        // the group is gone already
      }
    }
  }
}
