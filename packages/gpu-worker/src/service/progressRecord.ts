import { IntervalGate } from '../pipeline/intervalGate'

/** Shortest time between two writes of a running job's progress to its durable record. */
export const PROGRESS_RECORD_INTERVAL_MS = 1000

/**
 * Writes a running job's progress to its durable record at most once per interval. Steps can
 * take milliseconds, and each write is a Redis command and an entry in the queue's capped event
 * stream (BullMQ) or an SQLite update on the server's thread (embedded queue). Clients follow
 * every step live over pub/sub; the record only serves views loaded mid-run.
 */
export class ProgressRecord {
  readonly #gate: IntervalGate

  constructor(
    private readonly write: (progress: number) => Promise<void>,
    intervalMs: number = PROGRESS_RECORD_INTERVAL_MS,
    now?: () => number,
  ) {
    this.#gate = new IntervalGate(intervalMs, now)
  }

  /** Writes `progress` unless the last write was less than the interval ago. A failed write is not retried: the next one carries newer progress. */
  offer(progress: number): void {
    if (this.#gate.take()) void this.write(progress).catch(() => undefined)
  }
}
