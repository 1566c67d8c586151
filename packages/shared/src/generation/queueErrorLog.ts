/** How long the same Redis connection failure stays quiet after it was logged. */
export const QUEUE_ERROR_REPEAT_MS = 60_000

/** Codes of a connection that cannot be made or was lost: the Redis client retries them by itself. */
const CONNECTION_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE'])

/**
 * Errors without a code that mean the same: a command whose connection closed under it
 * (ioredis), and a Redis that is back but still loading its data (LOADING): both pass.
 */
const CONNECTION_MESSAGES = [/^Connection is closed\.$/u, /^LOADING\b/u]

/** `write` is where lines go (`console.error`; shared code has no console of its own). */
type Options = {
  write: (...args: unknown[]) => void
  now?: () => number
  /** The Redis as it may be printed (no password), for "lost Redis at …" lines. */
  redisAt?: string
  /**
   * Whether Redis has answered before these connections (default true: a server probes it at
   * start). False: until a connection is ready, it "cannot be reached" rather than was "lost".
   */
  connectedBefore?: boolean
}

/** The `onError` of a queue's Redis connections, and what to call when one is ready. */
export type QueueErrorLog = {
  (error: unknown): void
  /** A connection is ready (ioredis `ready`): after a loss, says once that Redis is back. */
  connected(): void
}

/** Why `error` is a lost or refused connection that the Redis client retries by itself, or undefined for any other error. */
function connectionLoss(error: unknown): string | undefined {
  const { code, message } = (error ?? {}) as { code?: unknown; message?: unknown }
  if (typeof code === 'string' && CONNECTION_CODES.has(code)) return code
  if (typeof message === 'string' && CONNECTION_MESSAGES.some((pattern) => pattern.test(message))) return message.split(' ')[0]
  return undefined
}

/**
 * Logs a queue's Redis connections. While Redis is down, every connection emits an error on
 * every reconnect attempt (hundreds a minute, each with a stack): those are one line, "lost
 * Redis at …, retrying", per reason, again at most once a minute while it lasts, and one line
 * when a connection is ready again. Any other error is logged whole, every time.
 */
export function queueErrorLog(label: string, { write, now = () => Date.now(), redisAt, connectedBefore = true }: Options): QueueErrorLog {
  const loggedAt = new Map<string, number>()
  let answered = connectedBefore
  const redis = redisAt ? `Redis at ${redisAt}` : 'Redis'
  const log = (error: unknown) => {
    const reason = connectionLoss(error)
    if (reason === undefined) {
      write(label, error)
      return
    }
    const last = loggedAt.get(reason)
    if (last !== undefined && now() - last < QUEUE_ERROR_REPEAT_MS) return
    loggedAt.set(reason, now())
    write(`${label} ${answered ? 'lost' : 'cannot reach'} ${redis} (${(error as Error).message}), retrying (said again once a minute while it lasts)`)
  }
  return Object.assign(log, {
    connected() {
      const said = loggedAt.size > 0
      loggedAt.clear()
      if (said) write(`${label} ${redis} ${answered ? 'is back' : 'answers'}`)
      answered = true
    },
  })
}
