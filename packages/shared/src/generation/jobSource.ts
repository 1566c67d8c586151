import type { GenerationJob } from './jobs'
import type { ReferenceUse } from './referenceUse'

/**
 * The consumer side of the generation queue: what a worker needs to take jobs, whichever queue
 * backend hands them out. The server's queues (BullMQ, embedded SQLite) implement it, and so
 * does the worker's own BullMQ consumer, so one job handler serves both modes.
 */

/** The part of the platform's `AbortSignal` a job uses (shared compiles without DOM or Node types). */
export interface JobAbortSignal {
  readonly aborted: boolean
  addEventListener(type: 'abort', listener: () => void, options?: { once?: boolean }): void
  removeEventListener(type: 'abort', listener: () => void): void
}

export interface JobContext {
  /** Aborted when the job is canceled: check it between steps. */
  signal: JobAbortSignal
  /** Fraction done, 0..1. Not for previews: those go over pub/sub, never the job record. */
  reportProgress(progress: number): Promise<void>
  /**
   * Records on the job's params how each of its references is used, once the worker has
   * planned it: kept whatever happens next, so a job that fails on a reference still tells
   * its user which were applied.
   */
  recordReferenceUse(referenceUse: ReferenceUse[]): Promise<void>
}

/**
 * Runs one job. Throw {@link UnrecoverableJobError} for failures a retry cannot fix (bad input,
 * a model that cannot load); any other error is treated as transient and retried a bounded
 * number of times.
 */
export type JobHandler<Result> = (job: GenerationJob<Result>, ctx: JobContext) => Promise<Result>

/**
 * `JobContext.reportProgress` for a job that stores its own progress (BullMQ's `Job`), clamped
 * to 0..1. Returned from here rather than written inline per job: the dev/production loader
 * (tsx) wraps every named inline closure in a `name`-setting call that costs microseconds per job.
 */
export function clampedProgressReporter(job: { updateProgress(progress: number): Promise<void> }): JobContext['reportProgress'] {
  return (progress) => job.updateProgress(Math.min(1, Math.max(0, progress)))
}

/** A queue a worker takes jobs from. */
export interface JobSource<Result> {
  /** Starts running jobs with `handler`, one at a time. At most once per instance. */
  process(handler: JobHandler<Result>): void
  /** Stops taking jobs, waits for the running one, releases connections. Queued jobs persist. */
  close(): Promise<void>
}

/** A failure that retrying cannot fix: the job fails at once with this message. */
export class UnrecoverableJobError extends Error {
  override readonly name = 'UnrecoverableJobError'
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** The message recorded on a job that a cancel stopped while it ran. */
export const canceledReason = 'canceled'

/**
 * The Redis keys Storyloom keeps next to BullMQ's for a queue `name` under `prefix`: the set of
 * canceled job ids, the cancel channel, idempotency keys and per-board job indexes. The server
 * (producer) and the workers (consumers) must agree on them.
 */
export function bullmqQueueKeys(prefix: string, name: string) {
  const base = `${prefix}:${name}:storyloom`
  return {
    canceled: `${base}:canceled`,
    cancelChannel: `${base}:cancel`,
    idempotency: (key: string) => `${base}:idempotency:${key}`,
    board: (id: string) => `${base}:board:${id}`,
    /** Counter that orders each board's index by arrival. */
    sequence: `${base}:sequence`,
  }
}

/** BullMQ's defaults for Storyloom's queue. */
export const DEFAULT_QUEUE_NAME = 'generations'
export const DEFAULT_QUEUE_PREFIX = 'storyloom'
/** BullMQ job name of a generation. */
export const GENERATION_JOB_NAME = 'generate'
