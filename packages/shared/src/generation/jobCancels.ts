import type { JobAbortSignal } from './jobSource'

/**
 * Cancel bookkeeping of one queue consumer (a BullMQ worker): cancel messages arrive on a
 * pub/sub channel, separately from the jobs.
 */

/**
 * A running job's abort signal. Not the platform's `AbortController`: on Node 20 creating one
 * costs ~10 µs, paid for every job although almost none is canceled.
 */
export class JobCancelSignal implements JobAbortSignal {
  #aborted = false
  /** A signal aborts at most once, so every listener is a `once` listener. */
  readonly #listeners = new Set<() => void>()

  get aborted(): boolean {
    return this.#aborted
  }

  addEventListener(_type: 'abort', listener: () => void, _options?: { once?: boolean }): void {
    if (!this.#aborted) this.#listeners.add(listener)
  }

  removeEventListener(_type: 'abort', listener: () => void): void {
    this.#listeners.delete(listener)
  }

  /** Aborts once. Every listener is called; one that throws is reported to `onError`. */
  abort(onError: (error: unknown) => void): void {
    if (this.#aborted) return
    this.#aborted = true
    const listeners = [...this.#listeners]
    this.#listeners.clear()
    for (const listener of listeners) {
      try {
        listener()
      } catch (error) {
        onError(error)
      }
    }
  }
}

/**
 * Ids of jobs whose cancel message reached this consumer before the job was running here (the
 * job and the message travel on different connections, so the message can win the race), or
 * for a job another consumer runs. A consumer checks it when a job starts. Job ids are never
 * reused, so remembering the latest `capacity` ids is enough: the race lasts milliseconds.
 */
export class CancelNotices {
  readonly #ids = new Set<string>()
  constructor(private readonly capacity = 1000) {}

  remember(id: string): void {
    this.#ids.add(id)
    if (this.#ids.size > this.capacity) {
      const oldest = this.#ids.values().next().value
      if (oldest !== undefined) this.#ids.delete(oldest)
    }
  }

  has(id: string): boolean {
    return this.#ids.has(id)
  }
}

/**
 * The jobs running in this consumer and the cancels that came early. A cancel message for a
 * running job aborts its signal; any other is remembered, so the job fails unrun if it starts
 * here later. `start` and the message handler both run on the event loop, so a message is
 * either before a job's `start` (remembered) or after it (aborts).
 */
export class ConsumerCancels {
  readonly #notices = new CancelNotices()
  readonly #running = new Map<string, JobCancelSignal>()
  /** `onError`: what an abort listener threw. */
  constructor(private readonly onError: (error: unknown) => void) {}

  /** A cancel message for job `id`. */
  cancel(id: string): void {
    const running = this.#running.get(id)
    if (running) running.abort(this.onError)
    else this.#notices.remember(id)
  }

  /** Job `id` starts: its signal, or `undefined` when it was canceled already. */
  start(id: string): JobCancelSignal | undefined {
    if (this.#notices.has(id)) return undefined
    const signal = new JobCancelSignal()
    this.#running.set(id, signal)
    return signal
  }

  /** Job `id` ended (whatever the outcome). */
  finish(id: string): void {
    this.#running.delete(id)
  }
}
