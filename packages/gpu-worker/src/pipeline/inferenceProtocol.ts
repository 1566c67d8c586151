import type { SerializedError } from '../errors'
import type { LoadModelOptions, ModelInfo } from '../models/loadModel'
import type { GenerationParams, GenerationResult, StepEvent } from './sdPipeline'

/** What the inference process is started with (JSON in its argv). */
export type InferenceProcessData = {
  dir: string
  options: LoadModelOptions
  /** A RAM-backed directory (tmpfs) that result images are handed over in; absent: over IPC. */
  imageDir?: string
}

/** The one file in `imageDir` that result images are handed over in. */
export const IMAGE_FILE = 'result.rgb'

/** Parent → inference process. */
export type InferenceRequest =
  | { type: 'generate'; id: number; params: GenerationParams; previews: boolean; stepDelayMs?: number }
  /** Cancels generation `id` between its denoising steps. */
  | { type: 'cancel'; id: number }
  | { type: 'close' }

/** Inference process → parent. */
export type InferenceReply =
  | { type: 'loaded'; info: ModelInfo }
  | { type: 'load-failed'; error: SerializedError }
  | { type: 'step'; id: number; event: StepEvent }
  /**
   * With `imageFile`, `result.image.data` is empty and the pixels are the first width × height × 3
   * bytes of that file (in the process data's `imageDir`, named {@link IMAGE_FILE}): one copy each
   * way instead of the IPC pipe's 64 kB round trips between the two processes. The file is
   * rewritten for every result, so the parent reads it before it asks for the next generation.
   */
  | { type: 'done'; id: number; result: GenerationResult; imageFile?: string }
  | { type: 'failed'; id: number; error: SerializedError }
  | { type: 'closed' }
