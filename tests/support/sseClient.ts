import { boardEventSchema, type BoardEvent } from '@storyloom/shared/events/boardEvents'

/** A board's live events as a test sees them: every event received, in order. */
export type BoardEventClient = {
  events: BoardEvent[]
  /** Resolves once the server has accepted the stream (its `: connected` comment arrived). */
  ready: Promise<void>
  /** Resolves when the server ends the stream. */
  ended: Promise<void>
  close(): void
}

/**
 * Opens `GET /api/boards/:boardId/events` and parses the server-sent events with the shared
 * schema (an event that does not parse fails the test through `errors`). `onEvent` is called as
 * each one arrives (a benchmark timing arrivals cannot poll `events`); `headers` go with the
 * request (a session cookie).
 */
export function openBoardEvents(
  baseUrl: string,
  boardId: string,
  { onEvent, headers }: { onEvent?: (event: BoardEvent) => void; headers?: Record<string, string> } = {},
): BoardEventClient & { errors: Error[] } {
  const abort = new AbortController()
  const events: BoardEvent[] = []
  const errors: Error[] = []
  let markReady: () => void = () => {}
  const ready = new Promise<void>((resolve) => (markReady = resolve))
  const ended = (async () => {
    const res = await fetch(`${baseUrl}/api/boards/${boardId}/events`, { signal: abort.signal, ...(headers ? { headers } : {}) })
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
        const parsed = boardEventSchema.safeParse(JSON.parse(data))
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
