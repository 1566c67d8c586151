import type { GenerationJob, GenerationJobData, GenerationJobDataInput } from '@storyloom/shared/generation/jobs'
import type { JobHandler, JobSource } from '@storyloom/shared/generation/jobSource'

export { canceledReason, UnrecoverableJobError } from '@storyloom/shared/generation/jobSource'
export type { JobContext, JobHandler } from '@storyloom/shared/generation/jobSource'

/**
 * The generation queue: one interface, two backends (BullMQ on Redis, embedded SQLite) that pass
 * one conformance suite (`queueConformance.ts`). Priorities: 1 runs first, FIFO within a priority.
 */
export interface GenerationQueue<Result = unknown> extends JobSource<Result> {
  /** Enqueues a job. With an `idempotencyKey` already seen, returns that job instead. */
  add(data: GenerationJobDataInput, opts: AddJobOptions): Promise<GenerationJob<Result>>
  get(id: string): Promise<GenerationJob<Result> | undefined>
  /** The job an earlier `add` made with this `idempotencyKey`, if any. */
  getByIdempotencyKey(idempotencyKey: string): Promise<GenerationJob<Result> | undefined>
  /** A board's jobs, oldest first. */
  list(boardId: string): Promise<GenerationJob<Result>[]>
  /**
   * Cancels a queued job, or aborts a running job's signal (it stops at its next step and is not
   * retried). A job that finishes in the same instant may still end `succeeded`. A `reason` is
   * kept with the job (its `canceledReason`) for everyone who reads it later.
   */
  cancel(id: string, reason?: string): Promise<CancelOutcome>
  /** Every queued or running job of every board, in the order they will run (running first). */
  listActive(): Promise<GenerationJob<Result>[]>
  /**
   * Calls `listener` once a job ends `succeeded` or `failed` (wherever it ran). Canceled jobs are
   * not reported: whoever canceled knows. Returns a function that stops listening.
   */
  onSettled(listener: (job: SettledJob<Result>) => void): () => void
}

/**
 * A job's final outcome as `onSettled` reports it: what was asked, for whom, and what came of
 * it. Narrower than a `GenerationJob` so a backend can build it from its completion event and
 * what it knew at enqueue, without reading the record back; `get` has the whole record.
 */
export interface SettledJob<Result = unknown> extends GenerationJobData {
  id: string
  status: 'succeeded' | 'failed'
  /** Set only when `status` is `succeeded`. */
  result?: Result
  /** Set only when `status` is `failed`. */
  error?: string
}

export interface AddJobOptions {
  priority: number
  idempotencyKey?: string
}

export type CancelOutcome = 'canceled' | 'already_finished' | 'not_found'

/** Retry settings shared by both backends. */
export interface RetryOptions {
  /** Runs of a job including the first (default 3). */
  maxAttempts?: number
  /** Wait before a retry (default 1000 ms). */
  retryDelayMs?: number
}

export const defaultMaxAttempts = 3
export const defaultRetryDelayMs = 1000

/** The queue was used after `close()`. */
export class QueueClosedError extends Error {
  override readonly name = 'QueueClosedError'
  constructor() {
    super('the generation queue is closed')
  }
}

/** `process()` was called twice on one queue instance. */
export class HandlerAlreadySetError extends Error {
  override readonly name = 'HandlerAlreadySetError'
  constructor() {
    super('this generation queue already has a handler')
  }
}

