import { randomUUID } from 'node:crypto'
import { readFileSync } from 'node:fs'
import { join } from 'node:path'
import { WORKER_TOKEN_FILE } from '@storyloom/server/generation/workerToken'
import { deleteRedisKeys } from '@storyloom/server/queue/deleteRedisKeys'
import { test } from '@playwright/test'
import { redisSkipReason, testRedisUrl as redisUrl } from '@storyloom/server/queue/testRedis'
import { sharedModelsDir } from '../../support/sharedModelsDir'
import { spawnWorker, type WorkerProcess } from '../../support/workerProcess'
import { StoryloomServer } from './storyloomServer'

/**
 * The two ways Storyloom runs generations (README, "Generations"): `pnpm start` alone, with its
 * in-process worker on the embedded SQLite queue; or the server with `REDIS_URL` and separate
 * `pnpm worker` processes taking jobs from BullMQ.
 */
export const generationModes = ['embedded', 'redis'] as const
export type GenerationMode = (typeof generationModes)[number]

/**
 * Call first in a Redis-mode test. Without an answering Redis the test is skipped with the
 * reason, except under CI, where a missing Redis must not pass unnoticed: it fails, saying so
 * (see {@link redisSkipReason}).
 */
export async function requireRedis(): Promise<void> {
  const reason = await redisSkipReason('the distributed-mode generation tests')
  // Skipped only off CI, when no Redis answers (redisSkipReason throws under CI); the reason says how to start one.
  if (reason !== undefined) test.skip(true, reason)
}

export type GenerationSetupOptions = {
  /** Extra environment of the server and of every worker process (test knobs, caps). */
  env?: Record<string, string>
  /** Worker processes to start with the server in the Redis mode (none exist in the embedded one). */
  workers?: number
}

// The built-in model finishes in milliseconds; the test-only knob slows each denoising step so
// previews and progress can be watched (and a cancel lands mid-run). Tests wait on what the
// pages show, never on this delay.
const STEP_DELAY_MS = '300'

/**
 * How a generation test starts its Storyloom (the `startGeneration` fixture: `pnpm start` with
 * its in-process worker, or in the Redis mode the server on BullMQ and one `pnpm worker`
 * process): the built-in model slowed as above, and `env`.
 */
export function slowedModel(env: Record<string, string> = {}): GenerationSetupOptions {
  return { env: { STORYLOOM_TEST_STEP_DELAY_MS: STEP_DELAY_MS, ...env } }
}

/**
 * Storyloom set up for generation tests in one of {@link generationModes}: the real server in a
 * child process (`support/storyloomServer.ts`) and, in the Redis mode, `pnpm worker` processes
 * configured as the README tells a user to (`REDIS_URL`, the server's URL, the worker token
 * copied from its data directory). Every Redis-mode setup uses its own key prefix and deletes
 * its keys when disposed.
 */
export class GenerationSetup {
  private readonly workerProcesses: WorkerProcess[] = []

  private constructor(
    readonly mode: GenerationMode,
    readonly server: StoryloomServer,
    private readonly env: Record<string, string>,
    private readonly redisPrefix: string | undefined,
  ) {}

  /** Starts the server (and in the Redis mode its workers, in parallel); Redis must answer (see {@link requireRedis}). */
  static async start(mode: GenerationMode, { env = {}, workers = 1 }: GenerationSetupOptions = {}): Promise<GenerationSetup> {
    if (mode === 'embedded') return new GenerationSetup(mode, await StoryloomServer.start({ env }), env, undefined)
    const redisPrefix = `storyloom-e2e-${randomUUID()}`
    const server = await StoryloomServer.start({ env: { ...env, REDIS_URL: redisUrl, STORYLOOM_REDIS_PREFIX: redisPrefix } })
    const setup = new GenerationSetup(mode, server, env, redisPrefix)
    try {
      await Promise.all(Array.from({ length: workers }, () => setup.startWorker()))
    } catch (error) {
      await setup.dispose()
      throw error
    }
    return setup
  }

  /** The server's base URL. */
  get url(): string {
    return this.server.url
  }

  /** The worker processes started so far (Redis mode), killed ones included. */
  get workers(): readonly WorkerProcess[] {
    return this.workerProcesses
  }

  /**
   * Starts one more `pnpm worker` process (with `env` on top of the setup's, e.g. a
   * STORYLOOM_MODEL of its own) and waits until it takes jobs; rejects, with its output, if it
   * exits first.
   */
  async startWorker(env: Record<string, string> = {}): Promise<WorkerProcess> {
    if (this.redisPrefix === undefined) throw new Error('the embedded mode runs its worker inside the server')
    const worker = await spawnWorker({
      ...this.env,
      ...env,
      REDIS_URL: redisUrl,
      STORYLOOM_REDIS_PREFIX: this.redisPrefix,
      STORYLOOM_SERVER_URL: this.server.url,
      // As the README says: the token the server made in its data directory on first start.
      STORYLOOM_WORKER_TOKEN: readFileSync(join(this.server.dataDir, WORKER_TOKEN_FILE), 'utf8').trim(),
      // Built once for every test on this machine (another host's own models folder, in effect).
      STORYLOOM_MODELS_DIR: sharedModelsDir,
      STORYLOOM_DEVICE: 'cpu',
      // A killed worker's job moves to another once its lock expires: 2 s instead of 30 s,
      // unless the test asks for another.
      STORYLOOM_WORKER_LOCK_MS: this.env.STORYLOOM_WORKER_LOCK_MS ?? '2000',
    })
    this.workerProcesses.push(worker)
    return worker
  }

  /** Kills the workers, stops the server, deletes its data and this setup's Redis keys. */
  async dispose(): Promise<void> {
    await Promise.all(this.workerProcesses.map((worker) => worker.kill('SIGKILL')))
    await this.server.dispose()
    if (this.redisPrefix !== undefined) await deleteRedisKeys(redisUrl, this.redisPrefix)
  }
}
