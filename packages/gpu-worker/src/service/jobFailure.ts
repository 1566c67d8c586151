import { formatJobFailure, generationFailureCodes, parseJobFailure, type GenerationFailureCode, type JobFailure } from '@storyloom/shared/generation/generationFailures'
import { UnrecoverableJobError } from '@storyloom/shared/generation/jobSource'
import { InferenceLoadCrashedError, WorkerError, workerErrorCodes, type WorkerErrorCode } from '../errors'
import { ServerCallError } from './serverClient'

/** onnxruntime's and CUDA's words for running out of memory (CPU arena, cudaMalloc, cuBLAS). */
const OUT_OF_MEMORY = /out of memory|failed to allocate memory|bad_alloc|ALLOC_FAILED/iu

const codeOfWorkerError: Record<WorkerErrorCode, GenerationFailureCode> = {
  [workerErrorCodes.modelFolder]: generationFailureCodes.modelUnusable,
  [workerErrorCodes.modelSignature]: generationFailureCodes.modelUnusable,
  [workerErrorCodes.modelInstall]: generationFailureCodes.modelUnusable,
  [workerErrorCodes.modelLoad]: generationFailureCodes.modelLoadFailed,
  [workerErrorCodes.invalidParams]: generationFailureCodes.invalidSettings,
  [workerErrorCodes.canceled]: generationFailureCodes.unknown,
  [workerErrorCodes.modelRun]: generationFailureCodes.modelRunFailed,
  [workerErrorCodes.workerCrashed]: generationFailureCodes.workerStopped,
}

/** The message and its causes', for the log and the job record ("a: b: c"). */
function detailOf(error: unknown): string {
  const parts: string[] = []
  for (let e: unknown = error, depth = 0; e !== undefined && depth < 5; depth++) {
    parts.push(e instanceof Error ? e.message : String(e))
    e = e instanceof Error ? e.cause : undefined
  }
  return parts.join(': ').slice(0, 4000)
}

function codeOf(error: unknown, detail: string): GenerationFailureCode {
  if (error instanceof InferenceLoadCrashedError) return generationFailureCodes.modelLoadFailed
  if (OUT_OF_MEMORY.test(detail)) return generationFailureCodes.outOfMemory
  if (error instanceof WorkerError) return codeOfWorkerError[error.code]
  if (error instanceof ServerCallError) {
    if (error.status === 0) return error.cause instanceof Error && (error.cause.name === 'TimeoutError' || error.cause.name === 'AbortError') ? generationFailureCodes.timedOut : generationFailureCodes.serverUnreachable
    // The server refused the take's file (damaged, or over its size limit): it keeps it as unreadable.
    if (error.status === 415 || error.status === 422) return generationFailureCodes.resultUnreadable
  }
  return generationFailureCodes.unknown
}

/** What a job that threw `error` failed of: a failure already typed where it was thrown, or one read from the error's class. */
export function jobFailureOf(error: unknown): JobFailure {
  const typed = error instanceof Error ? parseJobFailure(error.message) : undefined
  if (typed) return typed
  const detail = detailOf(error)
  return { code: codeOf(error, detail), detail }
}

/** True when running the job again cannot succeed (see `WorkerError.retryable`, `ServerCallError.permanent`). */
function unrecoverable(error: unknown): boolean {
  if (error instanceof UnrecoverableJobError) return true
  if (error instanceof WorkerError) return !error.retryable
  return error instanceof ServerCallError && error.permanent
}

/**
 * The error a job fails with for `error`: its message is the typed failure (what both queues
 * store as the job's reason, and the server turns into a plain message), unrecoverable when a
 * retry cannot help. The worker's detail goes to `log`, the only place people running it read it.
 */
export function jobFailureError(jobId: string, error: unknown, log: (line: string) => void = console.warn): Error {
  const failure = jobFailureOf(error)
  log(`storyloom worker: generation ${jobId} failed (${failure.code}): ${failure.detail}`)
  const message = formatJobFailure(failure)
  return unrecoverable(error) ? new UnrecoverableJobError(message, { cause: error }) : new Error(message, { cause: error })
}
