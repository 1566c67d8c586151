import { randomUUID } from 'node:crypto'
import type { JobSource } from '@storyloom/shared/generation/jobSource'
import { WORKER_BUSY_HEARTBEAT_MS, WORKER_HEARTBEAT_MS, type WorkerJobResult, type WorkerSignal } from '@storyloom/shared/generation/workerApi'
import type { DeviceRequest } from '../models/executionProviders'
import { removeOrphanedImageDirs, SHM_DIR } from '../pipeline/inferenceImageDir'
import { createGenerationJobHandler } from './generationJobHandler'
import { ModelPool } from './modelPool'
import { isRefusal, ServerCallError, ServerClient } from './serverClient'
import { WorkerRefusedError, waitForServer } from './waitForServer'

export type GenerationWorkerOptions = {
  /** Where jobs come from: the worker's BullMQ consumer, or the server's embedded queue. */
  jobs: JobSource<WorkerJobResult>
  /** Its id in heartbeats (default: a new UUID); a BullMQ job source names its consumer with it too. */
  workerId?: string
  /** Base URL of the Storyloom server, e.g. http://127.0.0.1:5310. */
  serverUrl: string
  workerToken: string
  publishSignal(signal: WorkerSignal): void
  modelsDir: string
  device: DeviceRequest
  /** `STORYLOOM_MODEL`: the default model; else the first installed real model, else the built-in one. */
  preferredModelId?: string
  /**
   * The Redis key prefix this worker takes jobs under (a separate worker): checked against the
   * server's at start, since a worker watching another queue would wait forever for jobs.
   */
  redisPrefix?: string
  /** TEST ONLY: see `STORYLOOM_TEST_STEP_DELAY_MS`. */
  stepDelayMs?: number
  /**
   * The server refused this worker after it started (its token was changed): called once, at
   * once, with what to fix. The worker takes no job from then on; give the running job back
   * (`BullmqJobSource.returnJobs`) before this returns, then {@link RunningGenerationWorker.close}.
   */
  onRefused?(error: WorkerRefusedError): void
  /**
   * Its job source's connection is open already (a BullMQ consumer, ready, not yet taking jobs):
   * the first heartbeat says so, so the server watches that connection from the moment it counts
   * this worker, and one killed at any point after is seen gone within seconds.
   */
  queueConnected?: boolean
  /** Aborted when the worker is told to stop while it starts: the start ends with a `WorkerStoppedError`, having taken no job. */
  stopping?: AbortSignal
}

export type RunningGenerationWorker = {
  workerId: string
  /** Stops taking jobs, lets the running one finish (or returns it to the queue), unloads the model. */
  close(): Promise<void>
}

/**
 * Starts a generation worker: picks and warms up the default model, announces its models to the
 * server (and keeps doing so), then takes jobs one at a time. While the server cannot be reached
 * it waits for it; a server that refuses the worker (a wrong token) ends the start with a
 * `WorkerRefusedError` (waitForServer.ts), and a refusal later goes to `onRefused`. A stop
 * while it starts (`stopping`) ends the start with a `WorkerStoppedError`.
 */
export async function startGenerationWorker(options: GenerationWorkerOptions): Promise<RunningGenerationWorker> {
  const workerId = options.workerId ?? randomUUID()
  const leftovers = removeOrphanedImageDirs()
  if (leftovers.length > 0) console.log(`storyloom worker: removed ${leftovers.length} image folder(s) in ${SHM_DIR} left by stopped workers`)
  const server = new ServerClient(options.serverUrl, options.workerToken)
  const models = new ModelPool(options.modelsDir, { device: options.device, ...(options.preferredModelId ? { preferredModelId: options.preferredModelId } : {}) })
  await models.start()
  /** The jobs running now, listed in every heartbeat so the server can tell when this worker is lost. */
  const running = new Set<string>()
  /** Until a heartbeat with `queueConnected` has reached the server (one that fails is sent again). */
  let sayConnected = options.queueConnected ?? false
  const announce = async () => {
    const queueConnected = sayConnected
    const answer = await server.heartbeat({ workerId, device: await models.device(), models: await models.advertised(), jobs: [...running], ...(queueConnected ? { queueConnected } : {}) })
    if (queueConnected) sayConnected = false
    return answer
  }
  const announceFirst = async () => {
    const answer = await announce()
    if (answer && options.redisPrefix !== undefined) refuseOtherQueue(options.serverUrl, options.redisPrefix, answer.queue)
  }
  let refused = false
  /** A 401/403 after start: the token was changed under this worker. Waiting will not help. */
  const refuse = (error: ServerCallError) => {
    if (refused) return
    refused = true
    options.onRefused?.(
      new WorkerRefusedError(
        `the server at ${options.serverUrl} no longer accepts this worker's token (it answered ${error.status}). Set STORYLOOM_WORKER_TOKEN to the server's current one: its STORYLOOM_WORKER_TOKEN, or the contents of worker-token in its data directory.`,
        { cause: error },
      ),
    )
  }
  /** Why the last heartbeat failed: each reason is logged once, not every 2 s while a job runs. */
  let failing: string | undefined
  const beat = async () => {
    try {
      await announce()
      if (failing !== undefined) console.warn('storyloom worker: heartbeats reach the server again')
      failing = undefined
    } catch (error) {
      if (error instanceof ServerCallError && isRefusal(error)) return refuse(error)
      const reason = (error as Error).message
      if (reason !== failing) console.warn(`storyloom worker: heartbeat failed: ${reason}`)
      failing = reason
    }
  }
  // No job is taken before the server has accepted this worker: it could not deliver the result.
  try {
    await waitForServer(options.serverUrl, announceFirst, options.stopping ? { stopping: options.stopping } : {})
  } catch (error) {
    await models.close()
    throw error
  }
  // Every WORKER_HEARTBEAT_MS, and every WORKER_BUSY_HEARTBEAT_MS while a job runs.
  let timer: NodeJS.Timeout | undefined
  let closed = false
  /** The heartbeat under way: one that lands after the leave would count this worker again. */
  let beating: Promise<void> = Promise.resolve()
  const beatNow = () => {
    clearTimeout(timer)
    if (closed || refused) return
    beating = beat().finally(() => {
      if (closed || refused) return
      clearTimeout(timer)
      timer = setTimeout(beatNow, running.size > 0 ? WORKER_BUSY_HEARTBEAT_MS : WORKER_HEARTBEAT_MS)
      timer.unref()
    })
  }
  timer = setTimeout(beatNow, WORKER_HEARTBEAT_MS)
  timer.unref()
  const handler = createGenerationJobHandler({ models, server, publish: options.publishSignal, onRefused: refuse, ...(options.stepDelayMs ? { stepDelayMs: options.stepDelayMs } : {}) })
  options.jobs.process(async (job, ctx) => {
    if (refused) throw new Error('this worker was refused by the server') // its job source gives it back
    running.add(job.id)
    beatNow() // the server learns at once who runs it
    try {
      return await handler(job, ctx)
    } finally {
      running.delete(job.id)
    }
  })
  return {
    workerId,
    async close() {
      closed = true
      clearTimeout(timer)
      await options.jobs.close()
      await beating
      // Boards show the worker count: say so now rather than let the heartbeats expire. A server
      // that does not answer soon forgets this worker that way anyway.
      if (!refused) await server.leave({ workerId }, LEAVE_TIMEOUT_MS).catch(() => {})
      await models.close()
    },
  }
}

/** How long a stopping worker waits for the server to take note that it leaves. */
const LEAVE_TIMEOUT_MS = 2_000

/** Throws a {@link WorkerRefusedError} when the server's jobs wait somewhere this worker does not look. */
function refuseOtherQueue(serverUrl: string, redisPrefix: string, queue: { redisPrefix: string } | null): void {
  if (queue === null) {
    throw new WorkerRefusedError(
      `the server at ${serverUrl} runs its generations in-process (it has no REDIS_URL), so this worker would never get a job. Start the server with REDIS_URL set to this worker's Redis.`,
    )
  }
  if (queue.redisPrefix !== redisPrefix) {
    throw new WorkerRefusedError(
      `the server at ${serverUrl} queues its jobs under the Redis key prefix "${queue.redisPrefix}", this worker looks under "${redisPrefix}": set STORYLOOM_REDIS_PREFIX to the server's.`,
    )
  }
}
