import { randomUUID } from 'node:crypto'
import { Job, Queue, QueueEvents, UnrecoverableError, Worker, type JobState } from 'bullmq'
import { Redis } from 'ioredis'
import {
  generationJobDataSchema,
  jobPrioritySchema,
  type GenerationJob,
  type GenerationJobData,
  type GenerationJobStatus,
  withJobData,
} from '@storyloom/shared/generation/jobs'
import { consumeJob } from '@storyloom/shared/generation/consumeJob'
import { ConsumerCancels } from '@storyloom/shared/generation/jobCancels'
import { bullmqQueueKeys, clampedProgressReporter, DEFAULT_QUEUE_NAME, DEFAULT_QUEUE_PREFIX, GENERATION_JOB_NAME } from '@storyloom/shared/generation/jobSource'
import {
  canceledReason,
  defaultMaxAttempts,
  defaultRetryDelayMs,
  HandlerAlreadySetError,
  QueueClosedError,
  type AddJobOptions,
  type CancelOutcome,
  type GenerationQueue,
  type JobHandler,
  type RetryOptions,
  type SettledJob,
} from './generationQueue'

export interface BullmqQueueOptions extends RetryOptions {
  redisUrl: string
  /** BullMQ queue name (default `generations`). */
  name?: string
  /** Redis key prefix (default `storyloom`); every key this queue writes starts with it. */
  prefix?: string
  /** Worker errors that belong to no caller (connection loss, a failed lock renewal). */
  onError?: (error: unknown) => void
  /** Its main connection is ready (at start, and after Redis was lost): a log says Redis is back. */
  onConnected?: () => void
}

/**
 * Which workers Redis holds a connection of, and who runs each running job: by the name a
 * worker gives its BullMQ consumer (its `workerId`; workers that give none are in neither).
 */
export type WorkerPresence = {
  /** Workers with a consumer connection open now. */
  connected: ReadonlySet<string>
  /** Running jobs and the worker that took each (BullMQ's `processedBy`). */
  running: readonly { jobId: string; workerId: string }[]
}

/** The BullMQ queue: a {@link GenerationQueue} that can also say which workers Redis sees. */
export type BullmqGenerationQueue<Result> = GenerationQueue<Result> & {
  /**
   * One look at Redis (the active jobs, then CLIENT LIST): undefined where Redis does not list
   * its clients. Jobs are read first, so a worker that took one is already connected when the
   * clients are listed; one missing from the list has gone since.
   */
  workerPresence(): Promise<WorkerPresence | undefined>
}

/**
 * Opens the distributed queue: BullMQ on Redis. Any number of processes may open the same
 * name/prefix; each that calls `process()` is one worker with concurrency 1.
 */
export function openBullmqQueue<Result>(options: BullmqQueueOptions): BullmqGenerationQueue<Result> {
  return new BullmqQueue<Result>(options)
}

type BullJob<Result> = Job<GenerationJobData, Result>

/** Enqueued jobs whose data is kept for their completion event; beyond it they are read back. */
const MAX_REMEMBERED_JOBS = 10_000


class BullmqQueue<Result> implements BullmqGenerationQueue<Result> {
  readonly #options: BullmqQueueOptions
  readonly #redis: IndexingRedis
  readonly #queue: Queue<GenerationJobData, Result>
  /** Keys and channel of our own, next to BullMQ's, under the same prefix. */
  readonly #keys: ReturnType<typeof bullmqQueueKeys>
  readonly #onError: (error: unknown) => void
  #worker: Worker<GenerationJobData, Result> | undefined
  #workerRedis: Redis | undefined
  #subscriber: Redis | undefined
  /** The event reader's own connection: BullMQ leaves a connection it was given open. */
  #eventsRedis: Redis | undefined
  #events: Promise<QueueEvents | undefined> | undefined
  readonly #settledListeners = new Set<(job: SettledJob<Result>) => void>()
  /** What this process enqueued and has not yet seen settle: completions need no read back. */
  readonly #enqueued = new Map<string, GenerationJobData>()
  #closed = false

  constructor(options: BullmqQueueOptions) {
    this.#options = options
    const name = options.name ?? DEFAULT_QUEUE_NAME
    const prefix = options.prefix ?? DEFAULT_QUEUE_PREFIX
    this.#onError = options.onError ?? ((error) => console.error('[bullmq queue]', error))
    this.#redis = indexingConnection(options.redisUrl)
    this.#redis.on('error', this.#onError)
    if (options.onConnected) this.#redis.on('ready', options.onConnected)
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
      this.#redis.storyloomIndexJob(this.#keys.board(data.boardId), this.#keys.sequence, id),
    ])
    // A replayed idempotency key may name a job that already ran: read its real state.
    if (opts.idempotencyKey !== undefined) return (await this.get(id)) ?? this.#toJob(job, 'queued')
    this.#remember(id, data)
    return this.#toJob(job, 'queued', data)
  }

  async get(id: string): Promise<GenerationJob<Result> | undefined> {
    // The state before the record: a job that ends between the two reads then shows the state it
    // had, never `failed` without its reason (BullMQ writes both at once, the record never lags).
    const [state, canceled] = await Promise.all([this.#queue.getJobState(id), this.#redis.sismember(this.#keys.canceled, id)])
    const status = toStatus(state, canceled === 1)
    const [job, canceledWhy] = status
      ? await Promise.all([Job.fromId(this.#queue, id) as Promise<BullJob<Result> | undefined>, status === 'canceled' ? this.#redis.hget(this.#queue.toKey(id), CANCEL_REASON_FIELD) : null])
      : [undefined, null]
    if (!job || !status) return undefined
    const found = this.#toJob(job, status)
    if (canceledWhy) found.canceledReason = canceledWhy
    return found
  }

  async getByIdempotencyKey(idempotencyKey: string): Promise<GenerationJob<Result> | undefined> {
    const id = await this.#redis.get(this.#keys.idempotency(idempotencyKey))
    return id === null ? undefined : this.get(id)
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

  async workerPresence(): Promise<WorkerPresence | undefined> {
    const [active, canceledIds] = await Promise.all([this.#queue.getJobs(['active'], 0, -1, true), this.#redis.smembers(this.#keys.canceled)])
    const canceled = new Set(canceledIds)
    const clients = await this.#queue.getWorkers()
    // BullMQ names a consumer's connection `<prefix>:<base64 queue name>:w:<its name>`.
    const named = `${this.#queue.opts.prefix ?? DEFAULT_QUEUE_PREFIX}:${Buffer.from(this.#queue.name).toString('base64')}:w:`
    const connected = new Set<string>()
    for (const client of clients) {
      const rawname = (client as { rawname?: string }).rawname
      // No rawname: BullMQ's placeholder for a Redis without CLIENT LIST (GCP's Memorystore).
      if (rawname === undefined) return undefined
      if (rawname.startsWith(named)) connected.add(rawname.slice(named.length))
    }
    const running = active.flatMap((job) => (job.id && job.processedBy && !canceled.has(job.id) ? [{ jobId: job.id, workerId: job.processedBy }] : []))
    return { connected, running }
  }

  onSettled(listener: (job: SettledJob<Result>) => void): () => void {
    this.#assertOpen()
    this.#settledListeners.add(listener)
    // Read from the stream's end as of now, in order with this connection's later adds: every
    // job that settles after this call is reported, even before the reader's first XREAD.
    this.#events ??= this.#redis.xrevrange(this.#queue.toKey('events'), '+', '-', 'COUNT', 1).then(
      ([last]) => this.#readSettled(last?.[0] ?? '0-0'),
      (error: unknown) => void this.#onError(error),
    )
    return () => this.#settledListeners.delete(listener)
  }

  async cancel(id: string, reason?: string): Promise<CancelOutcome> {
    const job = await this.get(id)
    if (!job) return 'not_found'
    if (job.status !== 'queued' && job.status !== 'running') return 'already_finished'
    const marked = await this.#redis.eval(CANCEL_JOB, 2, this.#keys.canceled, this.#queue.toKey(id), id, canceledReason, reason ?? '')
    if (marked === 0) return 'already_finished'
    // Whichever worker runs it aborts its signal; a worker that takes it later fails it unrun.
    await this.#redis.publish(this.#keys.cancelChannel, id)
    return 'canceled'
  }

  process(handler: JobHandler<Result>): void {
    this.#assertOpen()
    if (this.#worker) throw new HandlerAlreadySetError()
    const keys = this.#keys
    const cancels = new ConsumerCancels(this.#onError)
    // Two arguments: BullMQ then makes no AbortController per job; cancels come from `cancels`.
    const processor = (job: BullJob<Result>, _token: string | undefined): Promise<Result> =>
      consumeJob(job, cancels, UnrecoverableError, (data, ctx) => handler(this.#toJob(job, 'running', data), ctx), console.warn)
    this.#workerRedis = newConnection(this.#options.redisUrl)
    this.#workerRedis.on('error', this.#onError)
    const worker = new Worker<GenerationJobData, Result>(this.#queue.name, processor, {
      connection: this.#workerRedis,
      prefix: this.#queue.opts.prefix ?? 'storyloom',
      concurrency: 1,
      // Started once the cancel channel is subscribed, so no cancel of a job it takes is missed.
      autorun: false,
    })
    worker.on('error', this.#onError)
    this.#worker = worker
    this.#subscriber = this.#redis.duplicate()
    this.#subscriber.on('error', this.#onError)
    this.#subscriber.on('message', (channel, id) => {
      if (channel === keys.cancelChannel) cancels.cancel(id)
    })
    this.#subscriber.subscribe(keys.cancelChannel).then(() => {
      if (!worker.closing) worker.run().catch(this.#onError)
    }, this.#onError)
  }

  async close(): Promise<void> {
    if (this.#closed) return
    this.#closed = true
    await this.#worker?.close()
    await (await this.#events)?.close()
    await this.#queue.close()
    for (const connection of [this.#subscriber, this.#workerRedis, this.#eventsRedis, this.#redis]) {
      await connection?.quit().catch(() => connection.disconnect())
    }
  }

  #readSettled(lastEventId: string): QueueEvents | undefined {
    if (this.#closed) return undefined
    const prefix = this.#queue.opts.prefix ?? DEFAULT_QUEUE_PREFIX
    this.#eventsRedis = newConnection(this.#options.redisUrl)
    this.#eventsRedis.on('error', this.#onError)
    const events = new QueueEvents(this.#queue.name, { connection: this.#eventsRedis, prefix, lastEventId })
    events.on('error', this.#onError)
    // A completed job is final and its event carries the result: a job this process enqueued
    // needs nothing more. Another process's job is read once.
    events.on('completed', ({ jobId, returnvalue }) => {
      const data = this.#enqueued.get(jobId)
      this.#enqueued.delete(jobId)
      if (data) return this.#settle(withJobData(data, { id: jobId, status: 'succeeded' as const, result: returnvalue as Result }))
      Job.fromId<GenerationJobData, Result>(this.#queue, jobId).then((job) => {
        if (job) this.#settle({ ...this.#toJob(job, 'succeeded'), status: 'succeeded' })
      }, this.#onError)
    })
    // A failure that will be retried comes back to `waiting`, and a canceled job also ends
    // `failed`: read the state, and report only final failures.
    events.on('failed', ({ jobId }) => {
      this.get(jobId).then((job) => {
        if (job?.status === 'queued' || job?.status === 'running') return
        this.#enqueued.delete(jobId)
        if (job?.status === 'failed') this.#settle({ ...job, status: 'failed' })
      }, this.#onError)
    })
    return events
  }

  #settle(job: SettledJob<Result>): void {
    for (const listener of this.#settledListeners) {
      try {
        listener(job)
      } catch (error) {
        this.#onError(error)
      }
    }
  }

  /** Keeps an enqueued job's data for its completion, oldest forgotten first (then read back). */
  #remember(id: string, data: GenerationJobData): void {
    if (!this.#events) return
    this.#enqueued.set(id, data)
    if (this.#enqueued.size > MAX_REMEMBERED_JOBS) {
      const oldest = this.#enqueued.keys().next().value
      if (oldest !== undefined) this.#enqueued.delete(oldest)
    }
  }

  #assertOpen(): void {
    if (this.#closed) throw new QueueClosedError()
  }

  /** `data`: the job's data when already validated (else BullMQ's copy, written by `add`). */
  #toJob(job: BullJob<Result>, status: GenerationJobStatus, data: GenerationJobData = job.data): GenerationJob<Result> {
    const result: GenerationJob<Result> = withJobData(data, {
      id: job.id ?? '',
      priority: job.opts.priority ?? 0,
      status,
      attempts: job.attemptsStarted,
      progress: typeof job.progress === 'number' ? job.progress : 0,
      createdAt: job.timestamp,
    })
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

/** Our connection, with INDEX_JOB as a command (ioredis sends its hash, the body only once). */
type IndexingRedis = Redis & { storyloomIndexJob(board: string, sequence: string, id: string): Promise<number> }

function indexingConnection(url: string): IndexingRedis {
  const redis = newConnection(url)
  redis.defineCommand('storyloomIndexJob', { numberOfKeys: 2, lua: INDEX_JOB })
  return redis as IndexingRedis
}

/**
 * Marks a job canceled: our canceled set (for its status) and BullMQ's deferred failure on the
 * job itself, which a worker reads in the same round trip that takes the job and fails it
 * before running it; with a reason for readers (ARGV[3], may be empty), that too, in a field of
 * our own on the job hash. Keys: canceled set, job hash. Args: id, failure, reason. 0 when already marked.
 */
const CANCEL_JOB =
  "if redis.call('exists', KEYS[2]) == 0 or redis.call('sadd', KEYS[1], ARGV[1]) == 0 then return 0 end redis.call('hset', KEYS[2], 'defa', ARGV[2]) if ARGV[3] ~= '' then redis.call('hset', KEYS[2], 'storyloomCancelReason', ARGV[3]) end return 1"

/** The job hash's field with why the server canceled it (see CANCEL_JOB). */
const CANCEL_REASON_FIELD = 'storyloomCancelReason'

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
