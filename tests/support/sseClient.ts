import { boardEventSchema, type BoardEvent } from '@storyloom/shared/events/boardEvents'
import { BOARD_LIST_EVENTS_PATH, boardListEventSchema, type BoardListEvent } from '@storyloom/shared/events/boardListEvents'

/** A live event stream as a test sees it: every event received, in order. */
export type EventStreamClient<E> = {
  events: E[]
  /** Resolves once the server has accepted the stream (its `: connected` comment arrived). */
  ready: Promise<void>
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close(): void
}
export type BoardEventClient = EventStreamClient<BoardEvent>

type StreamOptions<E> = { onEvent?: (event: E) => void; headers?: Record<string, string> }
/** What a shared zod schema offers the parser (the tests workspace does not depend on zod itself). */
type EventSchema<E> = { safeParse(data: unknown): { success: true; data: E } | { success: false; error: { message: string } } }

/**
 * Opens the server-sent event stream at `url` and parses its events with `schema` (an event
 * that does not parse, or a refused stream, fails the test through `errors`). `onEvent` is
 * called as each one arrives (a benchmark timing arrivals cannot poll `events`); `headers` go
 * with the request (a session cookie).
 */
function openEventStream<E>(url: string, schema: EventSchema<E>, { onEvent, headers }: StreamOptions<E>): EventStreamClient<E> & { errors: Error[] } {
  const abort = new AbortController()
  const events: E[] = []
  const errors: Error[] = []
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const ended = (async () => {
    const res = await fetch(url, { signal: abort.signal, ...(headers ? { headers } : {}) })
    if (!res.ok || !res.body) throw new Error(`events: HTTP ${res.status}`)
    const decoder = new TextDecoder()
    let buffer = ''
    const reader = res.body.getReader()
    for (;;) {
      const { done, value } = await reader.read()
      if (done) break
      buffer += decoder.decode(value, { stream: true })
      let end: number
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const block = buffer.slice(0, end)
        buffer = buffer.slice(end + 2)
        if (block.startsWith(': connected')) markReady()
        const data = block.split('\n').filter((line) => line.startsWith('data:')).map((line) => line.slice(5).trimStart()).join('\n')
        if (data === '') continue
        const parsed = schema.safeParse(JSON.parse(data))
        if (parsed.success) {
          events.push(parsed.data)
          onEvent?.(parsed.data)
        } else errors.push(new Error(`an event did not match the schema: ${parsed.error.message}`))
      }
    }
  })().catch((error: unknown) => {
    if (!abort.signal.aborted) errors.push(error as Error)
  })
  return { events, errors, ready, ended, close: () => abort.abort() }
}

/** Opens `GET /api/boards/:boardId/events` (see {@link openEventStream}). */
export function openBoardEvents(baseUrl: string, boardId: string, options: StreamOptions<BoardEvent> = {}): BoardEventClient & { errors: Error[] } {
  return openEventStream(`${baseUrl}/api/boards/${boardId}/events`, boardEventSchema, options)
}

/** Opens the caller's board-list stream, `GET /api/board-list/events` (see {@link openEventStream}). */
export function openBoardListEvents(baseUrl: string, options: StreamOptions<BoardListEvent> = {}): EventStreamClient<BoardListEvent> & { errors: Error[] } {
  return openEventStream(`${baseUrl}${BOARD_LIST_EVENTS_PATH}`, boardListEventSchema, options)
}
