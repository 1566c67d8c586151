/** Back-off of reconnects after the server refused the channel. */
const MIN_RECONNECT_DELAY_MS = 1000
const MAX_RECONNECT_DELAY_MS = 30_000

/** An open server-sent event channel; `close` ends it for good. */
export type LiveChannel = { close(): void }

/**
 * Opens the server-sent event channel at `url` and keeps it open until closed. `onOpen` runs on
 * every (re)connect: events sent while away are not replayed, so reload what the channel keeps
 * current there. `onEvent` gets the JSON data of each event of `types` (a malformed one is
 * skipped; the caller validates the rest).
 */
export function openLiveChannel(
  url: string,
  types: readonly string[],
  { onOpen, onEvent }: { onOpen: () => void; onEvent: (data: unknown) => void },
): LiveChannel {
  let source: EventSource | null = null
  let reconnectTimer: ReturnType<typeof setTimeout> | null = null
  let delayMs = MIN_RECONNECT_DELAY_MS
  let closed = false

  const connect = () => {
    source?.close()
    const events = new EventSource(url)
    source = events
    events.addEventListener('open', () => {
      delayMs = MIN_RECONNECT_DELAY_MS
      onOpen()
    })
    events.addEventListener('error', () => {
      // EventSource retries a dropped connection itself, but gives up for good on an HTTP
      // error answer (a proxy's 502 while the server restarts): retry that here, backing off.
      if (events.readyState !== EventSource.CLOSED || closed || reconnectTimer) return
      reconnectTimer = setTimeout(() => {
        reconnectTimer = null
        if (!closed) connect()
      }, delayMs)
      delayMs = Math.min(MAX_RECONNECT_DELAY_MS, delayMs * 2)
    })
    for (const type of types) {
      events.addEventListener(type, (message) => {
        let data: unknown
        try {
          data = JSON.parse(String((message as MessageEvent).data))
        } catch {
          return
        }
        onEvent(data)
      })
    }
  }
  connect()
  return {
    close() {
      closed = true
      source?.close()
      if (reconnectTimer) clearTimeout(reconnectTimer)
    },
  }
}
