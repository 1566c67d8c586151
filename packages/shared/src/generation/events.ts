import { z } from 'zod'
import { generationModelSchema, generationResultSchema, generationViewSchema } from './api'

/**
 * The live event channel of a board: `GET /api/boards/:boardId/events` (server-sent events).
 * Every client on the board gets every event of every generation on it, and a note whenever a
 * shot's versions change (see {@link versionsChangedEventSchema}). Each SSE message has
 * `event:` set to the event's `type` and `data:` holding the JSON event; clients parse it with
 * {@link boardEventSchema}. Previews are latest-wins and throttled: a client may miss some,
 * never the lifecycle events. On (re)connect, GET the list for the current state.
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
/** Someone canceled it (before or while it ran). */
export const generationCanceledEventSchema = z.object({ type: z.literal('canceled'), ...base })

/**
 * A shot's versions changed: a take was added (upload, generation result, brought back),
 * starred, labelled, approved, moved, deleted or restored. Open Versions panels of the shot
 * re-read its tree (`GET …/shots/:shotId/versions`); which take a shot shows is in the doc.
 */
export const versionsChangedEventSchema = z.object({
  type: z.literal('versions_changed'),
  boardId: z.string(),
  shotId: z.string(),
  versionId: z.string(),
  /** Epoch milliseconds when the server sent it. */
  at: z.number(),
})

/** Every event of the board channel, discriminated by `type`. */
export const boardEventSchema = z.discriminatedUnion('type', [
  generationQueuedEventSchema,
  generationStartedEventSchema,
  generationProgressEventSchema,
  generationPreviewEventSchema,
  generationSucceededEventSchema,
  generationFailedEventSchema,
  generationCanceledEventSchema,
  versionsChangedEventSchema,
])
export type BoardEvent = z.infer<typeof boardEventSchema>
export type BoardEventType = BoardEvent['type']
/** The event of one type, e.g. `BoardEventOf<'preview'>`. */
export type BoardEventOf<T extends BoardEventType> = Extract<BoardEvent, { type: T }>
/** The events about one generation (every type but `versions_changed`). */
export type GenerationEvent = Exclude<BoardEvent, { type: 'versions_changed' }>

/** Every event type, for `EventSource.addEventListener`. */
export const boardEventTypes = ['queued', 'started', 'progress', 'preview', 'succeeded', 'failed', 'canceled', 'versions_changed'] as const satisfies readonly BoardEventType[]

/** Most previews a client receives per generation per second. */
export const MAX_PREVIEWS_PER_SECOND = 4

/** The path of a board's event channel. */
export function boardEventsUrl(boardId: string): string {
  return `/api/boards/${boardId}/events`
}
