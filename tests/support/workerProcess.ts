import { spawn, type ChildProcess } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { killSignal, repoRoot } from './serverProcess'

const workerPackage = fileURLToPath(new URL('../../packages/gpu-worker', import.meta.url))

export type WorkerProcess = {
  process: ChildProcess
  /** Everything it printed. */
  output(): string
  /** Sends a signal and waits for the process to exit. */
  kill(signal?: NodeJS.Signals): Promise<void>
}

/**
 * Runs `pnpm worker`'s entry point in a child process and waits until it takes jobs (or
 * prints `until`). With
 * `via: 'pnpm'` the child is `pnpm worker` itself, so signals go to pnpm first, as a process
 * manager's would.
 */
export async function spawnWorker(
  env: Record<string, string>,
  { via = 'node', until = 'is taking jobs' }: { via?: 'node' | 'pnpm'; until?: string } = {},
): Promise<WorkerProcess> {
  const child = spawn(via === 'pnpm' ? 'pnpm' : process.execPath, via === 'pnpm' ? ['worker'] : ['--import', 'tsx', 'src/cli/worker.ts'], {
    cwd: via === 'pnpm' ? repoRoot : workerPackage,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
    detached: via === 'pnpm', // a process group of its own, for killSignal
  })
  const signalChild = killSignal(child, via)
  let output = ''
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()))
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()))
  await new Promise<void>((resolve, reject) => {
    const check = () => {
      if (output.includes(until)) resolve()
    }
    child.stdout!.on('data', check)
    child.stderr!.on('data', check)
    child.once('exit', (code) => reject(new Error(`worker exited (${code}) before taking jobs:\n${output}`)))
  })
  return {
    process: child,
    output: () => output,
    async kill(signal = 'SIGTERM') {
      signalChild(signal)
      await exited
    },
  }
}

/**
 * The environment of a `pnpm worker` for a test server on Redis: its queue (`redisUrl`,
 * `prefix`), its URL and worker token, the shared models on the CPU, and `lockMs` as the job lock.
 */
export function testWorkerEnv({ redisUrl, prefix, serverUrl, workerToken, modelsDir, lockMs }: { redisUrl: string; prefix: string; serverUrl: string; workerToken: string; modelsDir: string; lockMs: number }): Record<string, string> {
  return {
    REDIS_URL: redisUrl,
    STORYLOOM_REDIS_PREFIX: prefix,
    STORYLOOM_SERVER_URL: serverUrl,
    STORYLOOM_WORKER_TOKEN: workerToken,
    STORYLOOM_MODELS_DIR: modelsDir,
    STORYLOOM_DEVICE: 'cpu',
    STORYLOOM_WORKER_LOCK_MS: String(lockMs),
  }
}
