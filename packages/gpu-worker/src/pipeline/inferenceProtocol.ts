import type { SerializedError } from '../errors'
import type { LoadModelOptions, ModelInfo } from '../models/loadModel'
import type { GenerationParams, GenerationResult, StepEvent } from './sdPipeline'

/** What the inference process is started with (JSON in its argv). */
export type InferenceProcessData = { dir: string; options: LoadModelOptions }

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
  | { type: 'done'; id: number; result: GenerationResult }
  | { type: 'failed'; id: number; error: SerializedError }
  | { type: 'closed' }
