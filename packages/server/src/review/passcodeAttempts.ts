/** Wrong passcodes allowed per link and address in one window. */
export const MAX_PASSCODE_ATTEMPTS = 10
export const PASSCODE_WINDOW_MS = 15 * 60 * 1000
/** Entries kept before expired windows are swept, so a flood of addresses cannot grow memory without bound. */
const SWEEP_AT = 10_000

/**
 * Counts wrong passcodes per (link, client address) in fixed windows, in memory. Only wrong
 * attempts count, so a reviewer who typed it right is never locked out by others. A restart
 * resets the counts, which is acceptable for slowing down guessing.
 */
export class PasscodeAttempts {
  private readonly windows = new Map<string, { failures: number; resetAt: number }>()

  constructor(
    private readonly max = MAX_PASSCODE_ATTEMPTS,
    private readonly windowMs = PASSCODE_WINDOW_MS,
  ) {}

  /** Seconds to wait before trying again, or 0 when another attempt is allowed now. */
  retryAfterSeconds(key: string, now = Date.now()): number {
    const window = this.windows.get(key)
    if (!window || window.resetAt <= now || window.failures < this.max) return 0
    return Math.ceil((window.resetAt - now) / 1000)
  }

  recordFailure(key: string, now = Date.now()): void {
    if (this.windows.size >= SWEEP_AT) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k)
    }
    const window = this.windows.get(key)
    if (!window || window.resetAt <= now) this.windows.set(key, { failures: 1, resetAt: now + this.windowMs })
    else window.failures++
  }
}
