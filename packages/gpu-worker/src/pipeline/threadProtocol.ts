import type { SerializedError } from '../errors'
import type { LoadModelOptions, ModelInfo } from '../models/loadModel'
import type { GenerationParams, GenerationResult, StepEvent } from './sdPipeline'

/** What the inference thread is started with. */
export type ThreadData = { entry: string; dir: string; options: LoadModelOptions }

/** Main thread → inference thread. */
export type ThreadRequest =
  | {
      type: 'generate'
      id: number
      params: GenerationParams
      /** Int32Array[1] over shared memory: set to 1 to cancel between steps (the thread's loop never waits for messages). */
      cancel: SharedArrayBuffer
      previews: boolean
    }
  | { type: 'close' }

/** Inference thread → main thread. */
export type ThreadReply =
  | { type: 'loaded'; info: ModelInfo }
  | { type: 'load-failed'; error: SerializedError }
  | { type: 'step'; id: number; event: StepEvent }
  | { type: 'done'; id: number; result: GenerationResult }
  | { type: 'failed'; id: number; error: SerializedError }
  | { type: 'closed' }
