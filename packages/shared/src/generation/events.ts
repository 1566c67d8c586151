import { z } from 'zod'
import { generationModelSchema, generationResultSchema, generationViewSchema } from './api'

/**
 * The events of a generation's life, as every client on its board receives them on the board's
 * live channel (`events/boardEvents.ts`). Previews are latest-wins and throttled: a client may
 * miss some, never the lifecycle events. On (re)connect, GET the list for the current state.
 */

const base = {
  boardId: z.string(),
  generationId: z.string(),
  shotId: z.string(),
  /** Epoch milliseconds when the server sent it. */
  at: z.number(),
}

/** A generation was accepted and waits for a worker. */
export const generationQueuedEventSchema = z.object({ type: z.literal('queued'), ...base, generation: generationViewSchema })
/** A worker began it (again, after a crashed worker: `attempt` > 1). */
export const generationStartedEventSchema = z.object({ type: z.literal('started'), ...base, attempt: z.number().int().positive(), model: generationModelSchema })
/** A denoising step finished. `progress` covers all variations (and the clip), 0..1. */
export const generationProgressEventSchema = z.object({
  type: z.literal('progress'),
  ...base,
  progress: z.number().min(0).max(1),
  variationIndex: z.number().int().nonnegative(),
  step: z.number().int().positive(),
  totalSteps: z.number().int().positive(),
})
/**
 * The worker running it stopped sending heartbeats (killed, crashed, cut off). The queue gives
 * the job to another worker once the lost one's claim on it expires: a `started` event (with a
 * higher `attempt`) follows, or `failed` if it had been lost before. With `restarting`, the
 * worker itself said its inference process died and it is starting it again.
 */
export const generationWorkerLostEventSchema = z.object({
  type: z.literal('worker_lost'),
  ...base,
  /** Its worker is alive but its inference process died: the worker restarts it and takes the job up again. */
  restarting: z.literal(true).optional(),
})
/** The predicted image after a step: small, lossy, never stored. */
export const generationPreviewEventSchema = z.object({
  type: z.literal('preview'),
  ...base,
  variationIndex: z.number().int().nonnegative(),
  step: z.number().int().positive(),
  totalSteps: z.number().int().positive(),
  /** `data:image/webp;base64,…` or `data:image/jpeg;base64,…`, at most a few tens of KB. */
  image: z.string().regex(/^data:image\/(?:webp|jpeg);base64,[A-Za-z0-9+/=]+$/u),
  width: z.number().int().positive(),
  height: z.number().int().positive(),
})
/** All takes were recorded; the shot now shows the first one (for everyone, via the doc). */
export const generationSucceededEventSchema = z.object({
  type: z.literal('succeeded'),
  ...base,
  model: generationModelSchema,
  results: z.array(generationResultSchema),
})
/** It failed for good (bad input, a model error, or too many crashed attempts). */
export const generationFailedEventSchema = z.object({ type: z.literal('failed'), ...base, error: z.object({ code: z.string(), message: z.string() }) })
/** Someone canceled it (before or while it ran); `reason` when the server did (see `GenerationView.canceledReason`). */
export const generationCanceledEventSchema = z.object({ type: z.literal('canceled'), ...base, reason: z.string().optional() })

/** Every event about one generation, discriminated by `type` (they travel on the board's channel, see `events/boardEvents`). */
export const generationEventSchema = z.discriminatedUnion('type', [
  generationQueuedEventSchema,
  generationStartedEventSchema,
  generationProgressEventSchema,
  generationWorkerLostEventSchema,
  generationPreviewEventSchema,
  generationSucceededEventSchema,
  generationFailedEventSchema,
  generationCanceledEventSchema,
])
export type GenerationEvent = z.infer<typeof generationEventSchema>
export type GenerationEventType = GenerationEvent['type']
/** The event of one type, e.g. `GenerationEventOf<'preview'>`. */
export type GenerationEventOf<T extends GenerationEventType> = Extract<GenerationEvent, { type: T }>

/** Most previews a client receives per generation per second. */
export const MAX_PREVIEWS_PER_SECOND = 4
