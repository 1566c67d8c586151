import type { GenerationJob, GenerationJobDataInput } from '@storyloom/shared/generation/jobs'

/**
 * The generation queue: one interface, two backends (BullMQ on Redis, embedded SQLite) that pass
 * one conformance suite (`queueConformance.ts`). Priorities: 1 runs first, FIFO within a priority.
 */
export interface GenerationQueue<Result = unknown> {
  /** Enqueues a job. With an `idempotencyKey` already seen, returns that job instead. */
  add(data: GenerationJobDataInput, opts: AddJobOptions): Promise<GenerationJob<Result>>
  get(id: string): Promise<GenerationJob<Result> | undefined>
  /** A board's jobs, oldest first. */
  list(boardId: string): Promise<GenerationJob<Result>[]>
  /**
   * Cancels a queued job, or aborts a running job's signal (it stops at its next step and is not
   * retried). A job that finishes in the same instant may still end `succeeded`.
   */
  cancel(id: string): Promise<CancelOutcome>
  /** Starts running jobs with `handler`, one at a time. At most once per queue instance. */
  process(handler: JobHandler<Result>): void
  /** Stops taking jobs, waits for the running one, releases connections. Queued jobs persist. */
  close(): Promise<void>
}

export interface AddJobOptions {
  priority: number
  idempotencyKey?: string
}

export type CancelOutcome = 'canceled' | 'already_finished' | 'not_found'

export interface JobContext {
  /** Aborted when the job is canceled: check it between steps. */
  signal: AbortSignal
  /** Fraction done, 0..1. Not for previews: those go over pub/sub, never the job record. */
  reportProgress(progress: number): Promise<void>
}

/**
 * Runs one job. Throw `UnrecoverableJobError` for failures a retry cannot fix (bad input, a model
 * that cannot load); any other error is treated as transient and retried a bounded number of times.
 */
export type JobHandler<Result> = (job: GenerationJob<Result>, ctx: JobContext) => Promise<Result>

/** Retry settings shared by both backends. */
export interface RetryOptions {
  /** Runs of a job including the first (default 3). */
  maxAttempts?: number
  /** Wait before a retry (default 1000 ms). */
  retryDelayMs?: number
}

export const defaultMaxAttempts = 3
export const defaultRetryDelayMs = 1000

/** A failure that retrying cannot fix: the job fails at once with this message. */
export class UnrecoverableJobError extends Error {
  override readonly name = 'UnrecoverableJobError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

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

/** The message recorded on a job that a cancel stopped while it ran. */
export const canceledReason = 'canceled'
