import { MAX_PREVIEWS_PER_SECOND } from '@storyloom/shared/generation/events'
import { IntervalGate } from './intervalGate'

/** Shortest time between two previews of one generation: clients get no more (the server drops the rest). */
export const PREVIEW_INTERVAL_MS = 1000 / MAX_PREVIEWS_PER_SECOND

/**
 * Which steps of one generation get a preview. Previews are latest-wins and reach clients at
 * most {@link MAX_PREVIEWS_PER_SECOND} times a second, so a preview the server would drop is not
 * made at all (mapped to RGB, sent to the worker, WebP-encoded), which matters when steps take
 * milliseconds:
 * - the first step always gets one, so every client sees the generation start to form
 *   (a one-step generation included: its decode can take as long as its step);
 * - the last step of several never does: its image is the result, one decode away, and the
 *   server drops a preview still waiting when the result lands;
 * - any other step gets one when `intervalMs` has passed since the last one.
 */
export class PreviewSchedule {
  readonly #gate: IntervalGate

  constructor(
    private readonly totalSteps: number,
    intervalMs: number = PREVIEW_INTERVAL_MS,
    now?: () => number,
  ) {
    this.#gate = new IntervalGate(intervalMs, now)
  }

  /** Whether `step` (1-based, reported as it finishes) gets a preview; if so, counts it as sent now. */
  take(step: number): boolean {
    // Step 1 is the schedule's first take, which the gate always passes.
    return (step === 1 || step < this.totalSteps) && this.#gate.take()
  }
}
