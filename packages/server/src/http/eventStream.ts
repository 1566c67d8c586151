import type { Context } from 'hono'
import { streamSSE } from 'hono/streaming'

/** SSE comment lines keep proxies from closing an idle stream. */
const KEEPALIVE_MS = 15_000

/**
 * Answers with a server-sent event stream: each event goes out as `event: <type>` and `data:
 * <JSON>`, in the order they happened. `allowed` is checked before every event and keepalive;
 * once it is false the stream ends (the caller lost access), as it does when `closed` resolves
 * (server shutdown) or the client goes away.
 */
export function streamEvents<E extends { type: string }>(
  c: Context,
  { subscribe, allowed, closed }: { subscribe: (send: (event: E) => void) => () => void; allowed: () => boolean; closed: Promise<void> },
): Response {
  return streamSSE(c, async (stream) => {
    let revoke: () => void = () => {}
    const revoked = new Promise<void>((resolve) => (revoke = resolve))
    const stillAllowed = () => {
      if (allowed()) return true
      revoke()
      return false
    }
    let pending: Promise<void> = Promise.resolve()
    // Writes are chained so events leave in the order they happened.
    const send = (event: E) => {
      if (!stillAllowed()) return
      pending = pending.then(() => stream.writeSSE({ event: event.type, data: JSON.stringify(event) })).catch(() => undefined)
    }
    const unsubscribe = subscribe(send)
    const keepalive = setInterval(() => {
      if (!stillAllowed()) return
      pending = pending.then(() => stream.write(': keepalive\n\n')).then(() => undefined, () => undefined)
    }, KEEPALIVE_MS)
    await stream.write(': connected\n\n')
    await Promise.race([new Promise<void>((resolve) => stream.onAbort(resolve)), closed, revoked])
    clearInterval(keepalive)
    unsubscribe()
  })
}
