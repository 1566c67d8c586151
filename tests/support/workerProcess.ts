import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'

const workerPackage = fileURLToPath(new URL('../../packages/gpu-worker', import.meta.url))

export type WorkerProcess = {
  process: ChildProcess
  /** Everything it printed. */
  output(): string
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

/** Runs `pnpm worker`'s entry point in a child process and waits until it takes jobs. */
export async function spawnWorker(env: Record<string, string>): Promise<WorkerProcess> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/cli/worker.ts'], {
    cwd: workerPackage,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  })
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.includes('is taking jobs')) resolve()
    }
    child.stdout!.on('data', check)
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before taking jobs:\n${output}`)))
  })
  return {
    process: child,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      if (child.exitCode === null && child.signalCode === null) child.kill(signal)
      await exited
    },
  }
}
