import { formatJobFailure, generationFailureCodes, type JobFailure } from './generationFailures'
import type { ConsumerCancels } from './jobCancels'
import { generationJobDataSchema, withReferenceUse, type GenerationJobData } from './jobs'
import { canceledReason, clampedProgressReporter, UnrecoverableJobError, type JobContext } from './jobSource'

/**
 * The part of a BullMQ `Job` a consumer step uses. Typed here, not imported: shared never
 * imports bullmq (the canvas bundles shared's modules).
 */
export interface ConsumedJob {
  readonly id?: string | undefined
  readonly data: unknown
  updateData(data: GenerationJobData): Promise<void>
  updateProgress(progress: number): Promise<void>
}

/** The queue's no-retry error: BullMQ's `UnrecoverableError`, passed in by the consumer. */
export type UnrecoverableErrorClass = new (message: string) => Error

/**
 * One job's run in a queue consumer (the server's BullMQ queue, the worker's job source): fails
 * it unrun when a cancel came first, validates its data, runs `run` with the job's context, and
 * turns a cancel, bad data or an {@link UnrecoverableJobError} into `Unrecoverable` (no retry).
 * Any other error is rethrown as is: transient, retried.
 */
export async function consumeJob<Result>(
  job: ConsumedJob,
  cancels: ConsumerCancels,
  Unrecoverable: UnrecoverableErrorClass,
  run: (data: GenerationJobData, ctx: JobContext) => Promise<Result>,
  /** Where an unreadable job's detail goes (the consumer's log): people read only the plain reason. */
  log?: (line: string) => void,
): Promise<Result> {
  const id = job.id ?? ''
  // A job canceled while queued is failed by BullMQ before it gets here (the cancel marks it). A
  // cancel that came after the job was taken, but before it started here, was remembered.
  const signal = cancels.start(id)
  if (!signal) throw new Unrecoverable(canceledReason)
  try {
    const data = readJobData(job.data)
    if (!data.success) {
      log?.(unreadableJobLine(id, data.failure))
      throw new Unrecoverable(formatJobFailure(data.failure))
    }
    const recordReferenceUse: JobContext['recordReferenceUse'] = (referenceUse) => job.updateData(withReferenceUse(data.data, referenceUse))
    const result = await run(data.data, { signal, reportProgress: clampedProgressReporter(job), recordReferenceUse })
    if (signal.aborted) throw new Unrecoverable(canceledReason)
    return result
  } catch (error) {
    if (signal.aborted) throw new Unrecoverable(canceledReason)
    if (error instanceof UnrecoverableJobError) throw new Unrecoverable(error.message)
    throw error
  } finally {
    cancels.finish(id)
  }
}

/**
 * A queued job's data, validated, or the job's failure when it is not valid data (damaged, left
 * by another version, written by hand): a typed failure, so people read a plain reason and the
 * schema's complaint stays in the job record for whoever runs Storyloom.
 */
export function readJobData(raw: unknown): { success: true; data: GenerationJobData } | { success: false; failure: JobFailure } {
  const data = generationJobDataSchema.safeParse(raw)
  if (data.success) return { success: true, data: data.data }
  return { success: false, failure: { code: generationFailureCodes.jobUnreadable, detail: `invalid job data: ${data.error.message}`.slice(0, 4000) } }
}

/** The log line for a job failed unrun because its data is unreadable. */
export function unreadableJobLine(jobId: string, failure: JobFailure): string {
  return `storyloom: generation ${jobId} failed (${failure.code}), its queued data is not valid: ${failure.detail}`
}
