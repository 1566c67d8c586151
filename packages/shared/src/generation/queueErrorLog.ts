/** How long the same Redis connection failure stays quiet after it was logged. */
export const QUEUE_ERROR_REPEAT_MS = 60_000

/** Codes of a connection that cannot be made or was lost: the Redis client retries them by itself. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'])

/** `write` is where lines go (`console.error`; shared code has no console of its own). */
type Options = { write: (...args: unknown[]) => void; now?: () => number }

/**
 * The `onError` of a queue's Redis connections. While Redis is down, every connection emits an
 * error on every reconnect attempt (hundreds a minute, each with a stack): those are logged as
 * one line per reason, again at most once a minute while it lasts. Any other error is logged
 * whole, every time.
 */
export function queueErrorLog(label: string, { write, now = () => Date.now() }: Options): (error: unknown) => void {
  const loggedAt = new Map<string, number>()
  return (error) => {
    const code = (error as { code?: unknown } | undefined)?.code
    if (typeof code !== 'string' || !CONNECTION_CODES.has(code)) {
      write(label, error)
      return
    }
    const last = loggedAt.get(code)
    if (last !== undefined && now() - last < QUEUE_ERROR_REPEAT_MS) return
    loggedAt.set(code, now())
    write(`${label} Redis: ${(error as Error).message} (trying again; said once a minute while it lasts)`)
  }
}
