import { randomUUID } from 'node:crypto'
import { Job, Queue, QueueEvents, UnrecoverableError, Worker, type JobState } from 'bullmq'
import { Redis } from 'ioredis'
import {
  generationJobDataSchema,
  jobPrioritySchema,
  type GenerationJob,
  type GenerationJobData,
  type GenerationJobStatus,
} from '@storyloom/shared/generation/jobs'
import { bullmqQueueKeys, DEFAULT_QUEUE_NAME, DEFAULT_QUEUE_PREFIX, GENERATION_JOB_NAME } from '@storyloom/shared/generation/jobSource'
import {
  canceledReason,
  defaultMaxAttempts,
  defaultRetryDelayMs,
  HandlerAlreadySetError,
  QueueClosedError,
  UnrecoverableJobError,
  type AddJobOptions,
  type CancelOutcome,
  type GenerationQueue,
  type JobHandler,
  type RetryOptions,
} from './generationQueue'

export interface BullmqQueueOptions extends RetryOptions {
  redisUrl: string
  /** BullMQ queue name (default `generations`). */
  name?: string
  /** Redis key prefix (default `storyloom`); every key this queue writes starts with it. */
  prefix?: string
  /** Worker errors that belong to no caller (connection loss, a failed lock renewal). */
  onError?: (error: unknown) => void
}

/**
 * Opens the distributed queue: BullMQ on Redis. Any number of processes may open the same
 * name/prefix; each that calls `process()` is one worker with concurrency 1.
 */
export function openBullmqQueue<Result>(options: BullmqQueueOptions): GenerationQueue<Result> {
  return new BullmqQueue<Result>(options)
}

type BullJob<Result> = Job<GenerationJobData, Result>


class BullmqQueue<Result> implements GenerationQueue<Result> {
  readonly #options: BullmqQueueOptions
  readonly #redis: Redis
  readonly #queue: Queue<GenerationJobData, Result>
  /** Keys and channel of our own, next to BullMQ's, under the same prefix. */
  readonly #keys: ReturnType<typeof bullmqQueueKeys>
  readonly #onError: (error: unknown) => void
  #worker: Worker<GenerationJobData, Result> | undefined
  #workerRedis: Redis | undefined
  #subscriber: Redis | undefined
  #events: QueueEvents | undefined
  readonly #settledListeners = new Set<(job: GenerationJob<Result>) => void>()
  #closed = false

  constructor(options: BullmqQueueOptions) {
    this.#options = options
    const name = options.name ?? DEFAULT_QUEUE_NAME
    const prefix = options.prefix ?? DEFAULT_QUEUE_PREFIX
    this.#onError = options.onError ?? ((error) => console.error('[bullmq queue]', error))
    this.#redis = newConnection(options.redisUrl)
    this.#redis.on('error', this.#onError)
    this.#queue = new Queue<GenerationJobData, Result>(name, { connection: this.#redis, prefix })
    this.#queue.on('error', this.#onError)
    this.#keys = bullmqQueueKeys(prefix, name)
  }

  async add(input: Parameters<GenerationQueue<Result>['add']>[0], opts: AddJobOptions): Promise<GenerationJob<Result>> {
    this.#assertOpen()
    const data = generationJobDataSchema.parse(input)
    const priority = jobPrioritySchema.parse(opts.priority)
    let id: string = randomUUID()
    if (opts.idempotencyKey !== undefined) {
      const claimed = await this.#redis.set(this.#keys.idempotency(opts.idempotencyKey), id, 'NX')
      // Lost the race: add under the winner's id. BullMQ ignores an add whose id exists, so this
      // returns the winner's job, or creates it if the winner has not added it yet.
      if (claimed === null) id = (await this.#redis.get(this.#keys.idempotency(opts.idempotencyKey))) ?? id
    }
    const maxAttempts = this.#options.maxAttempts ?? defaultMaxAttempts
    const retryDelayMs = this.#options.retryDelayMs ?? defaultRetryDelayMs
    // The board index and the job are written concurrently: one round trip, not two, per enqueue.
    const [job] = await Promise.all([
      this.#queue.add(GENERATION_JOB_NAME, data, {
        jobId: id,
        priority,
        attempts: maxAttempts,
        ...(retryDelayMs > 0 ? { backoff: { type: 'fixed', delay: retryDelayMs } } : {}),
      }),
      this.#redis.eval(INDEX_JOB, 2, this.#keys.board(data.boardId), this.#keys.sequence, id),
    ])
    // A replayed idempotency key may name a job that already ran: read its real state.
    if (opts.idempotencyKey !== undefined) return (await this.get(id)) ?? this.#toJob(job, 'queued')
    return this.#toJob(job, 'queued')
  }

  async get(id: string): Promise<GenerationJob<Result> | undefined> {
    const job = (await Job.fromId(this.#queue, id)) as BullJob<Result> | undefined
    if (!job) return undefined
    const [state, canceled] = await Promise.all([job.getState(), this.#redis.sismember(this.#keys.canceled, id)])
    const status = toStatus(state, canceled === 1)
    return status && this.#toJob(job, status)
  }

  async list(boardId: string): Promise<GenerationJob<Result>[]> {
    const ids = await this.#redis.zrange(this.#keys.board(boardId), '0', '-1')
    const jobs = await Promise.all(ids.map((id) => this.get(id)))
    return jobs.filter((job) => job !== undefined)
  }

  async listActive(): Promise<GenerationJob<Result>[]> {
    const [active, waiting] = await Promise.all([
      this.#queue.getJobs(['active'], 0, -1, true),
      this.#queue.getJobs(['prioritized', 'waiting', 'delayed', 'waiting-children'], 0, -1, true),
    ])
    const canceled = new Set(await this.#redis.smembers(this.#keys.canceled))
    const order = (a: BullJob<Result>, b: BullJob<Result>) => (a.opts.priority ?? 0) - (b.opts.priority ?? 0) || a.timestamp - b.timestamp
    return [
      ...active.filter((job) => !canceled.has(job.id ?? '')).map((job) => this.#toJob(job, 'running')),
      ...waiting.filter((job) => !canceled.has(job.id ?? '')).sort(order).map((job) => this.#toJob(job, 'queued')),
    ]
  }

  onSettled(listener: (job: GenerationJob<Result>) => void): () => void {
    this.#assertOpen()
    this.#settledListeners.add(listener)
    if (!this.#events) {
      const events = new QueueEvents(this.#queue.name, { connection: newConnection(this.#options.redisUrl), prefix: this.#queue.opts.prefix ?? DEFAULT_QUEUE_PREFIX })
      events.on('error', this.#onError)
      const report = (id: string) => {
        this.get(id).then((job) => {
          if (!job || (job.status !== 'succeeded' && job.status !== 'failed')) return
          for (const l of this.#settledListeners) l(job)
        }, this.#onError)
      }
      // A completed job is final and never canceled-marked in a way that matters: read it once.
      events.on('completed', ({ jobId }) => {
        Job.fromId<GenerationJobData, Result>(this.#queue, jobId).then((job) => {
          if (!job) return
          const settled = this.#toJob(job, 'succeeded')
          for (const l of this.#settledListeners) l(settled)
        }, this.#onError)
      })
      // A failure that will be retried comes back to `waiting`: report only final ones.
      events.on('failed', ({ jobId }) => report(jobId))
      this.#events = events
    }
    return () => this.#settledListeners.delete(listener)
  }

  async cancel(id: string): Promise<CancelOutcome> {
    const job = await this.get(id)
    if (!job) return 'not_found'
    if (job.status !== 'queued' && job.status !== 'running') return 'already_finished'
    if ((await this.#redis.sadd(this.#keys.canceled, id)) === 0) return 'already_finished'
    // Whichever worker runs it aborts its signal; a worker that picks it up later sees the mark.
    await this.#redis.publish(this.#keys.cancelChannel, id)
    return 'canceled'
  }

  process(handler: JobHandler<Result>): void {
    this.#assertOpen()
    if (this.#worker) throw new HandlerAlreadySetError()
    const redis = this.#redis
    const keys = this.#keys
    // Three arguments: BullMQ passes an abort signal only to processors that declare it.
    const processor = async (job: BullJob<Result>, _token: string | undefined, signal?: AbortSignal): Promise<Result> => {
      if (!signal) throw new Error('BullMQ passed no abort signal')
      if (job.id !== undefined && (await redis.sismember(keys.canceled, job.id)) === 1) throw new UnrecoverableError(canceledReason)
      const data = generationJobDataSchema.safeParse(job.data)
      if (!data.success) throw new UnrecoverableError(`invalid job data: ${data.error.message}`)
      const reportProgress = (progress: number) => job.updateProgress(Math.min(1, Math.max(0, progress)))
      let result: Result
      try {
        result = await handler(this.#toJob(job, 'running'), { signal, reportProgress })
      } catch (error) {
        if (signal.aborted) throw new UnrecoverableError(canceledReason)
        if (error instanceof UnrecoverableJobError) throw new UnrecoverableError(error.message)
        throw error
      }
      if (signal.aborted) throw new UnrecoverableError(canceledReason)
      return result
    }
    this.#workerRedis = newConnection(this.#options.redisUrl)
    this.#workerRedis.on('error', this.#onError)
    const worker = new Worker<GenerationJobData, Result>(this.#queue.name, processor, {
      connection: this.#workerRedis,
      prefix: this.#queue.opts.prefix ?? 'storyloom',
      concurrency: 1,
    })
    worker.on('error', this.#onError)
    this.#worker = worker
    this.#subscriber = this.#redis.duplicate()
    this.#subscriber.on('error', this.#onError)
    this.#subscriber.on('message', (channel, id) => {
      if (channel === keys.cancelChannel) worker.cancelJob(id, canceledReason)
    })
    this.#subscriber.subscribe(keys.cancelChannel).catch(this.#onError)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#worker?.close()
    await this.#events?.close()
    await this.#queue.close()
    for (const connection of [this.#subscriber, this.#workerRedis, this.#redis]) {
      await connection?.quit().catch(() => connection.disconnect())
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new QueueClosedError()
  }

  #toJob(job: BullJob<Result>, status: GenerationJobStatus): GenerationJob<Result> {
    const result: GenerationJob<Result> = {
      ...job.data,
      id: job.id ?? '',
      priority: job.opts.priority ?? 0,
      status,
      attempts: job.attemptsStarted,
      progress: typeof job.progress === 'number' ? job.progress : 0,
      createdAt: job.timestamp,
    }
    if (status === 'failed') result.error = job.failedReason
    if (status === 'succeeded') result.result = job.returnvalue
    if (job.processedOn) result.startedAt = job.processedOn
    if (job.finishedOn) result.finishedAt = job.finishedOn
    return result
  }
}

/**
 * Adds a job id to its board's index, scored by a queue-wide counter: arrival order even for
 * jobs added in the same millisecond, in one round trip.
 */
const INDEX_JOB = "if redis.call('zscore', KEYS[1], ARGV[1]) then return 0 end return redis.call('zadd', KEYS[1], redis.call('incr', KEYS[2]), ARGV[1])"

/** BullMQ's state plus our cancel mark → the contract's status. A completed job keeps its result. */
function toStatus(state: JobState | 'unknown', canceled: boolean): GenerationJobStatus | undefined {
  switch (state) {
    case 'completed':
      return 'succeeded'
    case 'failed':
      return canceled ? 'canceled' : 'failed'
    case 'active':
      return canceled ? 'canceled' : 'running'
    case 'unknown':
      return undefined
    default:
      return canceled ? 'canceled' : 'queued'
  }
}

function newConnection(url: string): Redis {
  // BullMQ workers need maxRetriesPerRequest: null for their blocking commands.
  return new Redis(url, { maxRetriesPerRequest: null })
}
