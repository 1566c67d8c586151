import { z } from 'zod'
import { generationEventSchema } from '../generation/events'

/**
 * The live event channel of a board: `GET /api/boards/:boardId/events` (server-sent events).
 * Every client on the board gets every event of every generation on it
 * (`generation/events.ts`), and a note whenever a shot's versions or the board's history
 * change, so open panels re-read them at once, and the count of live workers whenever it
 * changes. Each SSE message has `event:` set to the
 * event's `type` and `data:` holding the JSON event; clients parse it with
 * {@link boardEventSchema}. On (re)connect, GET the lists for the current state.
 */

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

/**
 * The board's history changed: a snapshot was saved, or a restore kept the state it replaced.
 * Open History panels re-read the list (`GET …/history`).
 */
export const historyChangedEventSchema = z.object({
  type: z.literal('history_changed'),
  boardId: z.string(),
  snapshotId: z.string(),
  /** Epoch milliseconds when the server sent it. */
  at: z.number(),
})

/**
 * The number of live workers changed: one announced itself, was forgotten after missing its
 * heartbeats, or was found lost while running a job. Sent on every board's channel (workers
 * serve all boards); `GET /api/models` has the models they run.
 */
export const workersChangedEventSchema = z.object({
  type: z.literal('workers_changed'),
  boardId: z.string(),
  /** Live workers now (0: generations wait until one starts). */
  workers: z.number().int().nonnegative(),
  /** Epoch milliseconds when the server sent it. */
  at: z.number(),
})

/**
 * The queue moved because of a generation on another board (one was queued, started, ended or
 * was canceled): the places of this board's queued generations may have changed. Sent on every
 * other board's channel; clients with queued generations re-read the list (`GET …/generations`).
 */
export const queueMovedEventSchema = z.object({
  type: z.literal('queue_moved'),
  boardId: z.string(),
  /** Epoch milliseconds when the server sent it. */
  at: z.number(),
})

/** Every event of the board channel, discriminated by `type`. */
export const boardEventSchema = z.discriminatedUnion('type', [
  ...generationEventSchema.options,
  versionsChangedEventSchema,
  historyChangedEventSchema,
  workersChangedEventSchema,
  queueMovedEventSchema,
])
export type BoardEvent = z.infer<typeof boardEventSchema>
export type BoardEventType = BoardEvent['type']
/** The event of one type, e.g. `BoardEventOf<'history_changed'>`. */
export type BoardEventOf<T extends BoardEventType> = Extract<BoardEvent, { type: T }>

/** Every event type, for `EventSource.addEventListener`. */
export const boardEventTypes = [
  'queued',
  'started',
  'progress',
  'worker_lost',
  'preview',
  'succeeded',
  'failed',
  'canceled',
  'versions_changed',
  'history_changed',
  'workers_changed',
  'queue_moved',
] as const satisfies readonly BoardEventType[]

/** The path of a board's event channel. */
export function boardEventsUrl(boardId: string): string {
  return `/api/boards/${boardId}/events`
}
