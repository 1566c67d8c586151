import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { serverNodeFlags } from '@storyloom/server/nodeFlags'

// `pnpm start`'s entry point: the server plus, without Redis, its in-process generation worker.
const appPackage = fileURLToPath(new URL('../../packages/app', import.meta.url))

/** How long a stopping server may take before the test kills it. */
const STOP_TIMEOUT_MS = 40_000

export type ServerProcess = {
  url: string
  process: ChildProcess
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Runs the real entry point (`packages/app/src/main.ts`) in a child process, the way
 * `pnpm start` does, on a free port. For tests that need to kill -9 or restart the process.
 */
export async function spawnServer(env: Record<string, string>): Promise<ServerProcess> {
  const child = spawn(process.execPath, [...serverNodeFlags, '--import', 'tsx', 'src/main.ts'], {
    cwd: appPackage,
    env: { ...process.env, PORT: '0', HOST: '127.0.0.1', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
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
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      // A server that outlives its shutdown deadline (see packages/app/src/main.ts) is a bug to see, not a test to hang.
      const stuck = setTimeout(() => {
        console.warn(`[serverProcess] pid ${child.pid} still running ${STOP_TIMEOUT_MS} ms after ${signal}; killing it. Its output:\n${output.slice(-4000)}`)
        child.kill('SIGKILL')
      }, STOP_TIMEOUT_MS)
      await exited
      clearTimeout(stuck)
    },
  }
}
