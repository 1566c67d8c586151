/**
 * The worker's named errors. Each carries a stable `code` (what the queue layer maps to a job
 * failure reason) and, where there is one, the underlying `cause`.
 *
 * `retryable` tells the queue layer whether running the same job again could succeed: a bad
 * model folder, bad parameters or a cancel never will (BullMQ `UnrecoverableError`), a model
 * that threw at run time might (e.g. a transient out-of-memory).
 */

/** Every error code the model layer produces. */
export const workerErrorCodes = {
  modelFolder: 'model_folder_invalid',
  modelSignature: 'model_signature_mismatch',
  modelLoad: 'model_load_failed',
  invalidParams: 'generation_params_invalid',
  canceled: 'generation_canceled',
  modelRun: 'model_run_failed',
  workerCrashed: 'inference_process_crashed',
  modelInstall: 'model_install_failed',
} as const

export type WorkerErrorCode = (typeof workerErrorCodes)[keyof typeof workerErrorCodes]

/** Base class of the worker's named errors. */
export abstract class WorkerError extends Error {
  abstract readonly code: WorkerErrorCode
  abstract readonly retryable: boolean
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options)
    this.name = new.target.name
  }
}

/** A model folder is missing files, has an unreadable manifest or tokenizer, or is not a folder. */
export class ModelFolderError extends WorkerError {
  readonly code = workerErrorCodes.modelFolder
  readonly retryable = false
}

/**
 * The worker may not read (part of) a model folder: its files belong to another user, typically
 * after a data directory was restored or copied as root. The folder may be perfectly good, so
 * nothing ever moves, rebuilds or deletes it; the message says what to change.
 */
export class ModelFolderUnreadableError extends ModelFolderError {}

/** An ONNX component's inputs or outputs are not what a Stable-Diffusion-family export has. */
export class ModelSignatureError extends WorkerError {
  readonly code = workerErrorCodes.modelSignature
  readonly retryable = false
}

/** onnxruntime could not create a session (corrupt file, unsupported op, provider missing). */
export class ModelLoadError extends WorkerError {
  readonly code = workerErrorCodes.modelLoad
  readonly retryable = false
}

/** Generation parameters the model cannot honour (size, steps, strength, missing image). */
export class InvalidGenerationParamsError extends WorkerError {
  readonly code = workerErrorCodes.invalidParams
  readonly retryable = false
}

/** The generation was canceled between two denoising steps. */
export class GenerationCanceledError extends WorkerError {
  readonly code = workerErrorCodes.canceled
  readonly retryable = false
  constructor(message = 'Generation canceled', options?: { cause?: unknown }) {
    super(message, options)
  }
}

/** A model threw while running (out of memory, bad kernel, NaNs…): the job fails with this reason. */
export class ModelRunError extends WorkerError {
  readonly code = workerErrorCodes.modelRun
  readonly retryable = true
}

/** The inference process exited or crashed while it had work. */
export class InferenceProcessCrashedError extends WorkerError {
  readonly code = workerErrorCodes.workerCrashed
  readonly retryable = true
}

/** The inference process exited or crashed before its model was loaded (people are told the model failed to load). */
export class InferenceLoadCrashedError extends InferenceProcessCrashedError {}

/** A reference image is too large to decode safely (people are told so, and which one). */
export class ReferenceTooLargeError extends InvalidGenerationParamsError {}

/** A reference's bytes are not an image the worker can decode. */
export class ReferenceUnreadableError extends InvalidGenerationParamsError {}

/**
 * A model could not be installed: the source is unreachable, too large, not an archive, or a
 * hostile archive (entries escaping the target, links, devices), or the id is taken.
 */
export class ModelInstallError extends WorkerError {
  readonly code = workerErrorCodes.modelInstall
  readonly retryable = false
}

const errorClasses = {
  [workerErrorCodes.modelFolder]: ModelFolderError,
  [workerErrorCodes.modelSignature]: ModelSignatureError,
  [workerErrorCodes.modelLoad]: ModelLoadError,
  [workerErrorCodes.invalidParams]: InvalidGenerationParamsError,
  [workerErrorCodes.canceled]: GenerationCanceledError,
  [workerErrorCodes.modelRun]: ModelRunError,
  [workerErrorCodes.workerCrashed]: InferenceProcessCrashedError,
  [workerErrorCodes.modelInstall]: ModelInstallError,
} as const satisfies Record<WorkerErrorCode, new (message: string, options?: { cause?: unknown }) => WorkerError>

/** The plain-data form of an error, for crossing a thread or process boundary. */
export type SerializedError = { code: WorkerErrorCode | null; name: string; message: string; cause?: SerializedError }

/** Turns any thrown value into plain data (keeps the cause chain, drops stacks). */
export function serializeError(error: unknown, depth = 0): SerializedError {
  if (error instanceof Error) {
    const code = error instanceof WorkerError ? error.code : null
    const serialized: SerializedError = { code, name: error.name, message: error.message }
    if (error.cause !== undefined && depth < 4) serialized.cause = serializeError(error.cause, depth + 1)
    return serialized
  }
  return { code: null, name: 'Error', message: String(error) }
}

/** Rebuilds a named error from its plain-data form; unknown errors become plain `Error`s. */
export function deserializeError(serialized: SerializedError): Error {
  const cause = serialized.cause ? deserializeError(serialized.cause) : undefined
  const options = cause ? { cause } : undefined
  if (serialized.code) return new errorClasses[serialized.code](serialized.message, options)
  const error = new Error(serialized.message, options)
  error.name = serialized.name
  return error
}
