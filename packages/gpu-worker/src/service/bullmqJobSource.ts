import { UnrecoverableError, WaitingError, Worker, type Job } from 'bullmq'
import { Redis } from 'ioredis'
import { withJobData, type GenerationJobData } from '@storyloom/shared/generation/jobs'
import { bullmqQueueKeys, DEFAULT_QUEUE_NAME, type JobHandler, type JobSource } from '@storyloom/shared/generation/jobSource'
import { consumeJob } from '@storyloom/shared/generation/consumeJob'
import { ConsumerCancels } from '@storyloom/shared/generation/jobCancels'
import { queueErrorLog, type QueueErrorLog } from '@storyloom/shared/generation/queueErrorLog'
import { displayUrl } from '../install/downloadArchive'
import { workerSignalChannel, type WorkerJobResult, type WorkerSignal } from '@storyloom/shared/generation/workerApi'

export type BullmqJobSourceOptions = {
  redisUrl: string
  prefix: string
  /** BullMQ queue name (default `generations`, the server's). */
  name?: string
  /**
   * How long a job's lock lasts without renewal (BullMQ's `lockDuration`, default 30 s). A
   * `kill -9`'d worker's job goes to another worker once its lock expires; stalled jobs are
   * looked for every half of it.
   */
  lockMs?: number
  /**
   * The worker's id (its heartbeats' `workerId`), given to BullMQ as the worker's name: Redis
   * then lists its connection under it (CLIENT LIST) and records it on each job it takes
   * (`processedBy`), so the server can tell within seconds that a killed worker is gone.
   */
  workerId?: string
  /** Errors of its connections (default: the queue log, "lost Redis at …, retrying", and when it is back). */
  onError?: (error: unknown) => void
}

/**
 * The worker's side of the BullMQ queue the server fills: one BullMQ `Worker` with concurrency
 * 1. It follows the server's conventions (`bullmqQueueKeys`): jobs canceled while queued are
 * failed by BullMQ before they run (the server's cancel marks them), cancel messages abort the
 * running job's signal, and failures a retry cannot fix
 * become BullMQ `UnrecoverableError`s.
 */
export class BullmqJobSource implements JobSource<WorkerJobResult> {
  readonly #redis: Redis
  readonly #subscriber: Redis
  readonly #keys: ReturnType<typeof bullmqQueueKeys>
  readonly #onError: (error: unknown) => void
  /** A connection is ready: the default log then says Redis is back, after a loss. */
  readonly #onReady: () => void
  #worker: Worker<GenerationJobData, WorkerJobResult> | undefined
  #handler: JobHandler<WorkerJobResult> | undefined
  #workerRedis: Redis | undefined
  /** Jobs being processed now (0 or 1: concurrency 1). */
  #active = 0
  readonly #activeIds = new Set<string>()
  readonly #cancels: ConsumerCancels
  /** Set by {@link returnJobs}: every job running or taken from now on goes back to the queue. */
  #returning = false

  constructor(private readonly options: BullmqJobSourceOptions) {
    const log: QueueErrorLog | undefined = options.onError ? undefined : queueErrorLog('storyloom worker:', { write: console.error, redisAt: displayUrl(new URL(options.redisUrl)), connectedBefore: false })
    this.#onError = options.onError ?? log!
    this.#onReady = log?.connected ?? (() => {})
    this.#redis = this.#watched(new Redis(options.redisUrl, { maxRetriesPerRequest: null }))
    this.#subscriber = this.#watched(this.#redis.duplicate())
    this.#keys = bullmqQueueKeys(options.prefix, options.name ?? DEFAULT_QUEUE_NAME)
    this.#cancels = new ConsumerCancels(this.#onError)
  }

  /** `connection`, its errors and readiness reported to the log. */
  #watched(connection: Redis): Redis {
    connection.on('error', this.#onError)
    connection.on('ready', this.#onReady)
    return connection
  }

  /**
   * For a worker the server no longer accepts (its token was changed): the running job stops at
   * its next step and goes back to the queue at once, neither failed nor counting as an attempt,
   * and so does any job taken after this. Call {@link close} next.
   */
  returnJobs(): void {
    this.#returning = true
    for (const id of this.#activeIds) this.#cancels.cancel(id)
  }

  /** Publishes a live signal on the server's Redis channel (fire and forget). */
  publishSignal = (signal: WorkerSignal): void => {
    this.#redis.publish(workerSignalChannel(this.options.prefix), JSON.stringify(signal)).catch(this.#onError)
  }

  process(handler: JobHandler<WorkerJobResult>): void {
    if (this.#handler) throw new Error('this job source already has a handler')
    this.#handler = handler
    const worker = this.#consumer()
    const keys = this.#keys
    this.#subscriber.on('message', (channel, id) => {
      if (channel === keys.cancelChannel) this.#cancels.cancel(id)
    })
    this.#subscriber.subscribe(keys.cancelChannel).then(() => {
      if (!worker.closing) worker.run().catch(this.#onError)
    }, this.#onError)
  }

  /**
   * The BullMQ consumer, made on first use: {@link ready} opens its connection (Redis lists it
   * under the worker's id) before any handler is set; it takes jobs only once {@link process} runs it.
   */
  #consumer(): Worker<GenerationJobData, WorkerJobResult> {
    if (this.#worker) return this.#worker
    const cancels = this.#cancels
    // Two arguments: BullMQ then makes no AbortController per job; cancels come from `cancels`.
    const processor = async (job: Job<GenerationJobData, WorkerJobResult>, token: string | undefined): Promise<WorkerJobResult> => {
      const handler = this.#handler
      if (!handler) throw new Error('a job taken before process()') // run() is only called by process()
      this.#active++
      const id = job.id ?? ''
      this.#activeIds.add(id)
      try {
        if (this.#returning) throw new Error('returning jobs')
        return await consumeJob(job, cancels, UnrecoverableError, (data, ctx) =>
          handler(withJobData(data, { id, priority: job.opts.priority ?? 0, status: 'running' as const, attempts: job.attemptsStarted, progress: 0, createdAt: job.timestamp }), ctx),
          console.warn,
        )
      } catch (error) {
        // BullMQ's way to put a job back from inside its processor (with its priority), unfailed.
        if (this.#returning && token) {
          await job.moveToWait(token)
          throw new WaitingError()
        }
        throw error
      } finally {
        this.#activeIds.delete(id)
        this.#active--
      }
    }
    const lockMs = this.options.lockMs ?? 30_000
    this.#workerRedis = this.#watched(this.#redis.duplicate())
    const worker = new Worker<GenerationJobData, WorkerJobResult>(this.options.name ?? DEFAULT_QUEUE_NAME, processor, {
      connection: this.#workerRedis,
      prefix: this.options.prefix,
      ...(this.options.workerId !== undefined ? { name: this.options.workerId } : {}),
      concurrency: 1,
      // Run by process() once the cancel channel is subscribed, so no cancel of a job it takes is missed.
      autorun: false,
      lockDuration: lockMs,
      stalledInterval: Math.max(500, Math.floor(lockMs / 2)),
    })
    worker.on('error', this.#onError)
    this.#worker = worker
    return worker
  }

  /**
   * Resolves once its first Redis connection is up (while Redis does not answer, it waits), or
   * when `stopping` is aborted. A worker waits for this before it announces itself to the
   * server: one that cannot reach Redis can take no job, and is not counted as a worker.
   */
  async connected(stopping?: AbortSignal): Promise<void> {
    if (this.#redis.status === 'ready' || stopping?.aborted) return
    await new Promise<void>((resolve) => {
      const done = () => {
        this.#redis.off('ready', done)
        stopping?.removeEventListener('abort', done)
        resolve()
      }
      this.#redis.on('ready', done)
      stopping?.addEventListener('abort', done, { once: true })
    })
  }

  /**
   * Resolves once the consumer's Redis connection is up (while Redis does not answer, it waits).
   * Callable before {@link process}: the connection is then open, and named, but takes no job.
   */
  async ready(): Promise<void> {
    await this.#consumer().waitUntilReady()
  }

  /**
   * Stops taking jobs and waits for the running one. After `timeoutMs` it stops waiting: the
   * job's lock then expires and another worker takes it over (it is returned, not lost). With
   * no job running there is nothing to wait for, so it stops at once: a graceful BullMQ close
   * waits for its blocking connection, forever while Redis does not answer.
   */
  async close(timeoutMs = 60_000): Promise<void> {
    const worker = this.#worker
    if (worker) {
      let timer: NodeJS.Timeout | undefined
      const timedOut = new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), timeoutMs)))
      // A later close(true) only returns the pending close: the choice is made here, once.
      await Promise.race([worker.close(this.#active === 0).catch(this.#onError), timedOut])
      clearTimeout(timer)
    }
    // quit() sends QUIT, which waits for a connection that Redis may never give: only when ready.
    for (const connection of [this.#subscriber, this.#workerRedis, this.#redis]) {
      if (!connection) continue
      if (connection.status === 'ready') await connection.quit().catch(() => connection.disconnect())
      else connection.disconnect()
    }
  }
}
