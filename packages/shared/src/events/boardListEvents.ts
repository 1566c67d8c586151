import { z } from 'zod'

/**
 * The live channel of a person's board list: `GET /api/board-list/events` (server-sent events,
 * see docs/http-api.md). It tells each person, and only them, that a board they can see (or
 * could, until this change) was created, renamed, edited (at most once per board every few
 * seconds), deleted (moved to "Recently deleted", or deleted forever), restored from there, or that they were added to it, removed from it or given another role. It never carries a board's name or anything else
 * about it: clients re-read `GET /api/boards`, which lists only what the caller may see.
 * Each SSE message has `event:` set to the event's `type` and `data:` holding the JSON event;
 * clients parse it with {@link boardListEventSchema}. On (re)connect, GET the list again.
 */

/** What happened to the board, from the listener's point of view. */
export const boardListChanges = ['created', 'renamed', 'updated', 'deleted', 'restored', 'access'] as const
export type BoardListChange = (typeof boardListChanges)[number]

/** A board in (or leaving) the listener's list changed: re-read the list. */
export const boardsChangedEventSchema = z.object({
  type: z.literal('boards_changed'),
  boardId: z.string(),
  /**
   * `updated`: someone edited the board's contents (its `updatedAt` moved; sent at most once per
   * board every few seconds). `access`: the listener joined or left the board, or their role on
   * it changed.
   */
  change: z.enum(boardListChanges),
  /** Epoch milliseconds when the server sent it. */
  at: z.number(),
})

/** Every event of the board-list channel, discriminated by `type`. */
export const boardListEventSchema = z.discriminatedUnion('type', [boardsChangedEventSchema])
export type BoardListEvent = z.infer<typeof boardListEventSchema>

/** Every event type, for `EventSource.addEventListener`. */
export const boardListEventTypes = ['boards_changed'] as const satisfies readonly BoardListEvent['type'][]

/** The path of the caller's board-list channel. */
export const BOARD_LIST_EVENTS_PATH = '/api/board-list/events'
