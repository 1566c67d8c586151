import { z } from 'zod'
import { REFERENCE_ROLE_IDS, type ReferenceRole } from '../storyboard/vocabulary'
import { MAX_REFERENCE_PIXELS } from './referenceUse'

/**
 * Why a generation failed, as people see it. The worker records a typed failure on the job
 * (code, the reference role when one is at fault, and its own detail for the logs); the server
 * turns it into `GenerationView.error` with the plain message below. File paths, exit codes and
 * stack text stay in the job record and the worker's log: they never reach a client.
 */
export const generationFailureCodes = {
  /** The model's folder is incomplete or not a Stable-Diffusion export (install problem). */
  modelUnusable: 'model_unusable',
  /** onnxruntime could not open the model, or its process died while loading it. */
  modelLoadFailed: 'model_load_failed',
  /** The worker (or its inference process) stopped part way: killed, crashed, lost. */
  workerStopped: 'worker_stopped',
  outOfMemory: 'out_of_memory',
  /** The model threw while running (bad kernel, NaNs, unexpected output). */
  modelRunFailed: 'model_run_failed',
  /** The worker got no answer from the server in time. */
  timedOut: 'timed_out',
  /** The worker could not reach the server. */
  serverUnreachable: 'server_unreachable',
  /** Settings the model cannot honour. */
  invalidSettings: 'invalid_settings',
  referenceMissing: 'reference_missing',
  referenceUnreadable: 'reference_unreadable',
  referenceTooLarge: 'reference_too_large',
  /** The picture the worker made was damaged or oversized: kept as an unreadable take, not shown. */
  resultUnreadable: 'result_unreadable',
  /** The job's queue data could not be read (damaged, written by another version or by hand): it never ran. */
  jobUnreadable: 'job_unreadable',
  /** Anything else (and old records whose reason says nothing recognisable). */
  unknown: 'generation_failed',
} as const
export type GenerationFailureCode = (typeof generationFailureCodes)[keyof typeof generationFailureCodes]

const ASK_ADMIN = 'if it keeps happening, ask whoever runs Storyloom to look at the worker’s log.'

/** What each failure says to people: what happened, then what they can do. */
const failureMessages = {
  model_unusable: 'This model is not installed, or not installed correctly, on the generation worker. Pick another model and retry, or ask whoever runs Storyloom to install it again.',
  model_load_failed: `The model could not be loaded on the generation worker. Retry, or pick another model; ${ASK_ADMIN}`,
  worker_stopped: `The generation worker stopped while making this. Retry; ${ASK_ADMIN}`,
  out_of_memory: 'The generation worker ran out of memory. Retry with a smaller size, fewer variations or another model.',
  model_run_failed: `The model failed while making this picture. Retry, perhaps with another seed or model; ${ASK_ADMIN}`,
  timed_out: `The generation worker got no answer from the server in time. Retry; ${ASK_ADMIN}`,
  server_unreachable: `The generation worker could not reach the server. Retry; ${ASK_ADMIN}`,
  invalid_settings: 'This model cannot make a picture with these settings. Change the size, steps or strength and retry.',
  reference_missing: 'A reference could not be fetched (it may have been deleted). Pin it again or unpin it, and retry.',
  reference_unreadable: 'A reference is not a picture the worker can read (PNG, JPEG, WebP, GIF or AVIF). Replace it and retry.',
  reference_too_large: `A reference picture is too large (over ${MAX_REFERENCE_PIXELS / 1_000_000} megapixels). Use a smaller picture and retry.`,
  result_unreadable: 'The picture the worker made was damaged, so it is kept in Versions as unreadable and not shown. Retry.',
  job_unreadable: 'This generation’s request could not be read (it may come from another version of Storyloom), so it did not run. Generate the shot again.',
  generation_failed: `The generation failed. Retry; ${ASK_ADMIN}`,
} as const satisfies Record<GenerationFailureCode, string>

const codeValues = Object.values(generationFailureCodes) as [GenerationFailureCode, ...GenerationFailureCode[]]

/** A failure as the worker records it on the job (the job's `error`, as JSON). */
export const jobFailureSchema = z.object({
  code: z.enum(codeValues),
  /** The reference at fault, for the reference codes. */
  role: z.enum(REFERENCE_ROLE_IDS).optional(),
  /** The worker's own words (paths, exit codes…): for the logs and the job record, never shown. */
  detail: z.string().max(4000),
})
export type JobFailure = z.infer<typeof jobFailureSchema>

/** What a client is told about a failed generation. */
export type GenerationFailureView = { code: GenerationFailureCode; message: string }

/** The job's `error` text for `failure` (what the worker throws with, so both queues store it as is). */
export function formatJobFailure(failure: JobFailure): string {
  return JSON.stringify(failure)
}

/** The failure recorded in a job's `error`, or undefined for text that is not one (an older record, a queue's own reason). */
export function parseJobFailure(stored: string | undefined): JobFailure | undefined {
  if (!stored?.startsWith('{')) return undefined
  try {
    const parsed = jobFailureSchema.safeParse(JSON.parse(stored))
    return parsed.success ? parsed.data : undefined
  } catch {
    return undefined
  }
}

/**
 * Old records and the queues' own reasons are free text: read the kinds that can be told apart,
 * anything else is the generic failure (its text may hold paths, so it is never shown).
 */
const legacyPatterns: readonly [RegExp, GenerationFailureCode][] = [
  [/out of memory|failed to allocate|bad_alloc|alloc_failed/iu, generationFailureCodes.outOfMemory],
  [/while loading|could not open .*model\.onnx|onnxruntime could not/iu, generationFailureCodes.modelLoadFailed],
  [/inference process|inference worker|stalled|worker stopped/iu, generationFailureCodes.workerStopped],
  [/reference is too large/iu, generationFailureCodes.referenceTooLarge],
  [/reference is not an image|reference could not be decoded/iu, generationFailureCodes.referenceUnreadable],
  [/reference could not be fetched/iu, generationFailureCodes.referenceMissing],
  [/cannot reach the server/iu, generationFailureCodes.serverUnreachable],
]

function legacyRole(text: string): ReferenceRole | undefined {
  return REFERENCE_ROLE_IDS.find((role) => text.includes(`the ${role} reference`))
}

/** The plain message for `failure`, naming the reference role when one is at fault. */
export function generationFailureMessage(failure: Pick<JobFailure, 'code' | 'role'>): string {
  const message = failureMessages[failure.code]
  return failure.role && failure.code.startsWith('reference_') ? message.replace(/^A reference( picture)?/u, `The ${failure.role} reference$1`) : message
}

/** `GenerationView.error` of a failed job whose `error` is `stored` (new typed records and old free text alike). */
export function generationFailureView(stored: string | undefined): GenerationFailureView {
  const failure = parseJobFailure(stored) ?? legacyFailure(stored ?? '')
  return { code: failure.code, message: generationFailureMessage(failure) }
}

function legacyFailure(text: string): Pick<JobFailure, 'code' | 'role'> {
  const code = legacyPatterns.find(([pattern]) => pattern.test(text))?.[1] ?? generationFailureCodes.unknown
  const role = code.startsWith('reference_') ? legacyRole(text) : undefined
  return role ? { code, role } : { code }
}
