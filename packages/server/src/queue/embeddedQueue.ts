import { randomUUID } from 'node:crypto'
import { and, asc, eq, inArray, isNotNull, sql } from 'drizzle-orm'
import { readJobData, unreadableJobLine } from '@storyloom/shared/generation/consumeJob'
import { formatJobFailure } from '@storyloom/shared/generation/generationFailures'
import { generationJobDataSchema, jobPrioritySchema, withReferenceUse, type GenerationJob } from '@storyloom/shared/generation/jobs'
import type { ReferenceUse } from '@storyloom/shared/generation/referenceUse'
import type { Db } from '../db/openDatabase'
import { generationJobs } from '../db/schema'
import {
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
  type SettledJob,
} from './generationQueue'

export interface EmbeddedQueueOptions extends RetryOptions {
  db: Db
  /** Errors that belong to no caller (e.g. a failed database write after a job ran). */
  onError?: (error: unknown) => void
  /**
   * How long {@link GenerationQueue.close} lets a running job finish before giving it back to
   * the queue (default {@link DEFAULT_STOP_GRACE_MS}): the server's stop must not wait on a long
   * generation (`pnpm start` exits within 30 s of a SIGTERM).
   */
  stopGraceMs?: number
}

/** A running job gets this long to finish when the queue closes; then it runs again after the next start. */
export const DEFAULT_STOP_GRACE_MS = 10_000

type JobRow = typeof generationJobs.$inferSelect

/**
 * Opens the embedded queue: jobs persisted in SQLite, run in this process one at a time. Only one
 * embedded queue may use a database at once: opening returns jobs a crash left `running` to
 * `queued`.
 */
export function openEmbeddedQueue<Result>(options: EmbeddedQueueOptions): GenerationQueue<Result> {
  return new EmbeddedQueue<Result>(options)
}

interface RunningJob {
  id: string
  abort: AbortController
  done: Promise<void>
}

class EmbeddedQueue<Result> implements GenerationQueue<Result> {
  readonly #db: Db
  readonly #maxAttempts: number
  readonly #retryDelayMs: number
  readonly #onError: (error: unknown) => void
  #handler: JobHandler<Result> | undefined
  readonly #settledListeners = new Set<(job: SettledJob<Result>) => void>()
  #running: RunningJob | undefined
  #wakeTimer: NodeJS.Timeout | undefined
  #closed = false
  readonly #stopGraceMs: number

  constructor(options: EmbeddedQueueOptions) {
    this.#db = options.db
    this.#maxAttempts = options.maxAttempts ?? defaultMaxAttempts
    this.#retryDelayMs = options.retryDelayMs ?? defaultRetryDelayMs
    this.#onError = options.onError ?? ((error) => console.error('[embedded queue]', error))
    this.#stopGraceMs = options.stopGraceMs ?? DEFAULT_STOP_GRACE_MS
    // A job still `running` in the database was interrupted by a crash: run it again (from the start).
    this.#db.update(generationJobs).set({ status: 'queued', progress: 0 }).where(eq(generationJobs.status, 'running')).run()
  }

  async add(input: Parameters<GenerationQueue<Result>['add']>[0], opts: AddJobOptions): Promise<GenerationJob<Result>> {
    this.#assertOpen()
    const data = generationJobDataSchema.parse(input)
    const priority = jobPrioritySchema.parse(opts.priority)
    const row = this.#db.transaction((tx) => {
      if (opts.idempotencyKey !== undefined) {
        const existing = tx.select().from(generationJobs).where(eq(generationJobs.idempotencyKey, opts.idempotencyKey)).get()
        if (existing) return existing
      }
      return tx
        .insert(generationJobs)
        .values({
          id: randomUUID(),
          boardId: data.boardId,
          status: 'queued',
          priority,
          data,
          idempotencyKey: opts.idempotencyKey ?? null,
          maxAttempts: this.#maxAttempts,
          createdAt: new Date(),
        })
        .returning()
        .get()
    })
    this.#schedulePump()
    return toJob<Result>(row)
  }

  async get(id: string): Promise<GenerationJob<Result> | undefined> {
    const row = this.#db.select().from(generationJobs).where(eq(generationJobs.id, id)).get()
    return row && toJob<Result>(row)
  }

  async getByIdempotencyKey(idempotencyKey: string): Promise<GenerationJob<Result> | undefined> {
    const row = this.#db.select().from(generationJobs).where(eq(generationJobs.idempotencyKey, idempotencyKey)).get()
    return row && toJob<Result>(row)
  }

  async list(boardId: string): Promise<GenerationJob<Result>[]> {
    const rows = this.#db.select().from(generationJobs).where(eq(generationJobs.boardId, boardId)).orderBy(asc(generationJobs.seq)).all()
    return rows.map((row) => toJob<Result>(row))
  }

  async listActive(): Promise<GenerationJob<Result>[]> {
    const rows = this.#db
      .select()
      .from(generationJobs)
      .where(inArray(generationJobs.status, ['queued', 'running']))
      .orderBy(sql`${generationJobs.status} = 'queued'`, asc(generationJobs.priority), asc(generationJobs.seq))
      .all()
    return rows.map((row) => toJob<Result>(row))
  }

  onSettled(listener: (job: SettledJob<Result>) => void): () => void {
    this.#settledListeners.add(listener)
    return () => this.#settledListeners.delete(listener)
  }

  async cancel(id: string, reason?: string): Promise<CancelOutcome> {
    const row = this.#db.select({ status: generationJobs.status }).from(generationJobs).where(eq(generationJobs.id, id)).get()
    if (!row) return 'not_found'
    const { changes } = this.#db
      .update(generationJobs)
      // `error` holds the reason (a retried attempt's error would otherwise read as one).
      .set({ status: 'canceled', finishedAt: new Date(), error: reason ?? null })
      .where(and(eq(generationJobs.id, id), inArray(generationJobs.status, ['queued', 'running'])))
      .run()
    if (changes === 0) return 'already_finished'
    if (this.#running?.id === id) this.#running.abort.abort(new Error('canceled'))
    return 'canceled'
  }

  process(handler: JobHandler<Result>): void {
    this.#assertOpen()
    if (this.#handler) throw new HandlerAlreadySetError()
    this.#handler = handler
    this.#schedulePump()
  }

  async close(): Promise<void> {
    this.#closed = true
    clearTimeout(this.#wakeTimer)
    const running = this.#running
    if (!running) return
    let graceTimer: NodeJS.Timeout | undefined
    const finished = await Promise.race([
      running.done.then(() => true),
      new Promise<false>((resolve) => (graceTimer = setTimeout(() => resolve(false), this.#stopGraceMs))),
    ])
    clearTimeout(graceTimer)
    if (finished) return
    // Given back, not failed: the next start runs it again, and this stop does not use one of its attempts.
    this.#db
      .update(generationJobs)
      .set({ status: 'queued', progress: 0, attempts: sql`max(0, ${generationJobs.attempts} - 1)` })
      .where(and(eq(generationJobs.id, running.id), eq(generationJobs.status, 'running')))
      .run()
    running.abort.abort(new QueueClosedError())
    await running.done
  }

  #assertOpen(): void {
    if (this.#closed) throw new QueueClosedError()
  }

  #schedulePump(): void {
    setImmediate(() => {
      try {
        this.#pump()
      } catch (error) {
        this.#onError(error)
      }
    })
  }

  /** Starts the next runnable job if idle; otherwise, if a retry is waiting, wakes up for it. */
  #pump(): void {
    if (this.#closed || !this.#handler || this.#running) return
    const now = new Date()
    const next = this.#db.transaction((tx) => {
      const candidate = tx
        .select({ id: generationJobs.id })
        .from(generationJobs)
        .where(and(eq(generationJobs.status, 'queued'), sql`coalesce(${generationJobs.notBefore}, 0) <= ${now.getTime()}`))
        .orderBy(asc(generationJobs.priority), asc(generationJobs.seq))
        .limit(1)
        .get()
      if (!candidate) return undefined
      return tx
        .update(generationJobs)
        .set({ status: 'running', attempts: sql`${generationJobs.attempts} + 1`, startedAt: now, notBefore: null })
        .where(eq(generationJobs.id, candidate.id))
        .returning()
        .get()
    })
    if (next) {
      this.#run(next, this.#handler)
      return
    }
    const waiting = this.#db
      .select({ notBefore: generationJobs.notBefore })
      .from(generationJobs)
      .where(and(eq(generationJobs.status, 'queued'), isNotNull(generationJobs.notBefore)))
      .orderBy(asc(generationJobs.notBefore))
      .limit(1)
      .get()
    if (waiting?.notBefore) {
      clearTimeout(this.#wakeTimer)
      this.#wakeTimer = setTimeout(() => this.#schedulePump(), Math.max(0, waiting.notBefore.getTime() - Date.now()))
    }
  }

  #run(row: JobRow, handler: JobHandler<Result>): void {
    // The row's data comes back from the file as it is there (damaged, another version's): never run it unchecked.
    const data = readJobData(row.data)
    if (!data.success) {
      console.warn(unreadableJobLine(row.id, data.failure))
      this.#fail(row, new UnrecoverableJobError(formatJobFailure(data.failure)))
      this.#schedulePump()
      return
    }
    const abort = new AbortController()
    const job = toJob<Result>({ ...row, data: data.data })
    const reportProgress = async (progress: number): Promise<void> => {
      this.#db
        .update(generationJobs)
        .set({ progress: Math.min(1, Math.max(0, progress)) })
        .where(and(eq(generationJobs.id, row.id), eq(generationJobs.status, 'running')))
        .run()
    }
    const recordReferenceUse = async (referenceUse: ReferenceUse[]): Promise<void> => {
      this.#db.update(generationJobs).set({ data: withReferenceUse(row.data, referenceUse) }).where(eq(generationJobs.id, row.id)).run()
    }
    // Known as running before the handler starts: a cancel it causes itself before its first
    // await (a pick-up check answered in process) must still abort its signal.
    const running: RunningJob = { id: row.id, abort, done: Promise.resolve() }
    this.#running = running
    running.done = (async () => {
      try {
        const result = await handler(job, { signal: abort.signal, reportProgress, recordReferenceUse })
        // A cancel already wrote `canceled`; the `running` guard keeps it.
        this.#finish(row.id, { status: 'succeeded', result: result ?? null, progress: 1, finishedAt: new Date() })
      } catch (error) {
        this.#fail(row, error)
      }
    })()
      .catch((error: unknown) => this.#onError(error))
      .finally(() => {
        this.#running = undefined
        this.#schedulePump()
      })
  }

  #fail(row: JobRow, error: unknown): void {
    const message = error instanceof Error ? error.message : String(error)
    const retryable = !(error instanceof UnrecoverableJobError) && row.attempts < row.maxAttempts
    if (retryable) {
      this.#finish(row.id, { status: 'queued', error: message, notBefore: new Date(Date.now() + this.#retryDelayMs) })
    } else {
      this.#finish(row.id, { status: 'failed', error: message, finishedAt: new Date() })
    }
  }

  #finish(id: string, values: Partial<typeof generationJobs.$inferInsert>): void {
    const row = this.#db
      .update(generationJobs)
      .set(values)
      .where(and(eq(generationJobs.id, id), eq(generationJobs.status, 'running')))
      .returning()
      .get()
    if (!row || (row.status !== 'succeeded' && row.status !== 'failed')) return
    const job: SettledJob<Result> = { ...toJob<Result>(row), status: row.status }
    for (const listener of this.#settledListeners) {
      try {
        listener(job)
      } catch (error) {
        this.#onError(error)
      }
    }
  }
}

function toJob<Result>(row: JobRow): GenerationJob<Result> {
  const job: GenerationJob<Result> = {
    ...row.data,
    id: row.id,
    priority: row.priority,
    status: row.status,
    attempts: row.attempts,
    progress: row.progress,
    createdAt: row.createdAt.getTime(),
  }
  if (row.status === 'failed' && row.error !== null) job.error = row.error
  if (row.status === 'canceled' && row.error !== null) job.canceledReason = row.error
  if (row.status === 'succeeded') job.result = row.result as Result
  if (row.startedAt) job.startedAt = row.startedAt.getTime()
  if (row.finishedAt) job.finishedAt = row.finishedAt.getTime()
  return job
}
