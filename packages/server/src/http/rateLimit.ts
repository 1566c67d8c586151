import type { Context, MiddlewareHandler } from 'hono'
import { getConnInfo } from '@hono/node-server/conninfo'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { principalId, type Principal } from '../access/principal'
import type { RateLimit } from '../config'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'

/** Keys kept before expired windows are swept, so a flood of addresses cannot grow memory without bound. */
const SWEEP_AT_KEYS = 10_000

/**
 * A fixed-window counter per key (a client address, an email) in memory. One process holds one
 * board's room anyway; limits reset on restart, which is acceptable for throttling guessing.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>()
  constructor(private readonly limit: RateLimit) {}

  /** Counts an attempt for `key`; the one after `max` throws `rate_limited` (with Retry-After). */
  hit(c: Context, key: string, what: string, now = Date.now()): void {
    this.check(c, key, what, now)
    this.record(key, now)
  }

  /** Throws `rate_limited` if `key` already used up its attempts, without counting one. */
  private check(c: Context, key: string, what: string, now = Date.now()): void {
    const window = this.windows.get(key)
    if (!window || window.resetAt <= now || window.count < this.limit.max) return
    const seconds = Math.ceil((window.resetAt - now) / 1000)
    c.header('Retry-After', String(seconds))
    throw new ApiError(ApiErrorCode.rateLimited, `too many ${what}; try again in ${seconds} s`)
  }

  /**
   * Counts an attempt for `key` as it starts — before a slow check (a password hash), so
   * attempts sent all at once are held to the limit too — or throws `rate_limited`. Returns the
   * function that gives it back when it turned out not to count (the right password).
   */
  take(c: Context, key: string, what: string, now = Date.now()): () => void {
    this.hit(c, key, what, now)
    const window = this.windows.get(key)!
    return () => {
      if (this.windows.get(key) === window && window.count > 0) window.count--
    }
  }

  /** Counts an attempt for `key` without refusing anything now. */
  private record(key: string, now = Date.now()): void {
    if (this.windows.size >= SWEEP_AT_KEYS) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k)
    }
    let window = this.windows.get(key)
    if (!window || window.resetAt <= now) {
      window = { count: 0, resetAt: now + this.limit.windowMs }
      this.windows.set(key, window)
    }
    window.count++
  }
}

/**
 * The client's address as the socket sees it. X-Forwarded-For is not trusted: anyone can send
 * it, and a proxy in front makes every client share the proxy's limit (safe, if strict).
 */
export function clientAddress(c: Context): string {
  try {
    return getConnInfo(c).remote.address ?? 'unknown'
  } catch {
    return 'unknown' // app.request() in unit tests has no socket
  }
}

/**
 * Middleware counting each POST against `limiter`, per person (`principalOf`) and client
 * address: throttles what creates something (generations, boards) without touching reads.
 */
export function limitPosts(limiter: RateLimiter, what: string, principalOf: (c: Context<AuthEnv>) => Principal): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    if (c.req.method === 'POST') limiter.hit(c, `${principalId(principalOf(c))}@${clientAddress(c)}`, what)
    await next()
  }
}
