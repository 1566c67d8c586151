/**
 * Lets something happen at most once per interval: `take()` says whether it may happen now and,
 * if so, counts it as happened. The first `take()` always passes. Used for durable progress
 * writes (`ProgressRecord`).
 */
export class IntervalGate {
  #lastAt = Number.NEGATIVE_INFINITY

  constructor(
    private readonly intervalMs: number,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Whether the interval has passed since the last pass; if so, this call is the new last pass. */
  take(): boolean {
    const at = this.now()
    if (at - this.#lastAt < this.intervalMs) return false
    this.#lastAt = at
    return true
  }
}
