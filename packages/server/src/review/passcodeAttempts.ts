/** Wrong passcodes allowed per link and address in one window. */
export const MAX_PASSCODE_ATTEMPTS = 10
export const PASSCODE_WINDOW_MS = 15 * 60 * 1000
/** Entries kept before expired windows are swept, so a flood of addresses cannot grow memory without bound. */
const SWEEP_AT = 10_000

/**
 * Counts wrong passcodes per (link, client address) in fixed windows, in memory. Only wrong
 * attempts count, so a reviewer who typed it right is never locked out by others. A restart
 * resets the counts, which is acceptable for slowing down guessing.
 *
 * An attempt is counted when it starts, before its (slow, scrypt) check, and given back when the
 * passcode was right: guesses sent all at once are held to the limit too, not only those sent
 * one after another.
 */
export class PasscodeAttempts {
  private readonly windows = new Map<string, { failures: number; resetAt: number }>()

  constructor(
    private readonly max = MAX_PASSCODE_ATTEMPTS,
    private readonly windowMs = PASSCODE_WINDOW_MS,
  ) {}

  /**
   * Starts an attempt for `key`: 0 when it may go ahead (it counts as wrong until
   * {@link succeeded}), else the seconds to wait, and nothing is counted.
   */
  begin(key: string, now = Date.now()): number {
    const window = this.windows.get(key)
    if (window && window.resetAt > now) {
      if (window.failures >= this.max) return Math.ceil((window.resetAt - now) / 1000)
      window.failures++
      return 0
    }
    if (this.windows.size >= SWEEP_AT) {
      for (const [k, w] of this.windows) if (w.resetAt <= now) this.windows.delete(k)
    }
    this.windows.set(key, { failures: 1, resetAt: now + this.windowMs })
    return 0
  }

  /** The attempt `begin` counted had the right passcode: it does not count. */
  succeeded(key: string, now = Date.now()): void {
    const window = this.windows.get(key)
    if (window && window.resetAt > now && window.failures > 0) window.failures--
  }
}
