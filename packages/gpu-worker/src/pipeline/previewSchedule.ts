import { MAX_PREVIEWS_PER_SECOND } from '@storyloom/shared/generation/events'

/** Shortest time between two previews of one generation: clients get no more (the server drops the rest). */
export const PREVIEW_INTERVAL_MS = 1000 / MAX_PREVIEWS_PER_SECOND

/**
 * Which steps of one generation get a preview; made as the generation's steps begin. Previews
 * are latest-wins and reach clients at most {@link MAX_PREVIEWS_PER_SECOND} times a second, so a
 * preview no client would look at is not made at all (mapped to RGB, sent to the worker,
 * WebP-encoded), which matters when steps take milliseconds:
 * - the first step gets one unless the result is due within `intervalMs` of it, estimated from
 *   step 1's own time (since the steps began) × `totalSteps`: the steps left, and the decode
 *   counted as one more. A generation of milliseconds thus shows its result before a second
 *   preview could have been sent, while a model whose steps take seconds shows step 1 forming
 *   at once (a one-step generation included: its decode can take as long as its step);
 * - the last step of several never does: its image is the result, one decode away, and the
 *   server drops a preview still waiting when the result lands;
 * - any other step gets one when `intervalMs` has passed since the last one, or since the steps
 *   began when none was made, so a generation slower than its first step said still shows progress.
 */
export class PreviewSchedule {
  readonly #startedAt: number
  #lastAt: number

  constructor(
    private readonly totalSteps: number,
    private readonly intervalMs: number = PREVIEW_INTERVAL_MS,
    private readonly now: () => number = () => performance.now(),
  ) {
    this.#startedAt = this.#lastAt = now()
  }

  /** Whether `step` (1-based, reported as it finishes) gets a preview; if so, counts it as sent now. */
  take(step: number): boolean {
    if (step > 1 && step >= this.totalSteps) return false
    const at = this.now()
    const due = step === 1 ? (at - this.#startedAt) * this.totalSteps >= this.intervalMs : at - this.#lastAt >= this.intervalMs
    if (due) this.#lastAt = at
    return due
  }
}
