import { describe, expect, it } from 'vitest'
import { PREVIEW_INTERVAL_MS, PreviewSchedule } from './previewSchedule'

/** The steps (1-based) that get a preview when the steps begin at 0 ms and step n finishes at `finishedAt[n - 1]` ms. */
function previewedSteps(finishedAt: number[], intervalMs?: number): number[] {
  let clock = 0
  const schedule = new PreviewSchedule(finishedAt.length, intervalMs, () => clock)
  return finishedAt.flatMap((at, i) => {
    clock = at
    return schedule.take(i + 1) ? [i + 1] : []
  })
}

/** `count` steps of `stepMs` each. */
const steady = (count: number, stepMs: number) => Array.from({ length: count }, (_, i) => (i + 1) * stepMs)

describe('PreviewSchedule', () => {
  it('makes no preview when step 1 says the generation ends within one interval', () => {
    expect(PREVIEW_INTERVAL_MS).toBe(250)
    // Six steps of 5 ms: the result is due ~30 ms after step 1, long before a second preview could follow.
    expect(previewedSteps(steady(6, 5))).toEqual([])
    // The estimate is step 1's time × the steps: 24 steps of 10 ms end within the interval, 25 do not.
    expect(previewedSteps(steady(24, 10))).toEqual([])
    expect(previewedSteps(steady(25, 10))).toEqual([1])
  })

  it('previews every step but the last when steps are slower than the preview rate', () => {
    expect(previewedSteps(steady(4, 300))).toEqual([1, 2, 3])
  })

  it('sends the next preview once the interval has passed since the last one sent, not since the last step', () => {
    // 100 ms steps at 4 previews a second: steps 1, 4, 7 (each 300 ms after the previous preview).
    expect(previewedSteps(steady(8, 100))).toEqual([1, 4, 7])
    // A long run of fast steps: step 1 at once, then one every interval.
    expect(previewedSteps(steady(100, 5))).toEqual([1, 51])
  })

  it('previews a later step once the interval has passed since the steps began when a fast step 1 made none', () => {
    // Step 1 took 10 ms (the result looked 50 ms away), then the steps slowed to 100 ms.
    expect(previewedSteps([10, 110, 210, 310, 410])).toEqual([4])
  })

  it('previews a slow one-step generation, not a fast one; with interval 0 every step but the last', () => {
    expect(previewedSteps([300])).toEqual([1])
    expect(previewedSteps([40])).toEqual([])
    expect(previewedSteps([0, 0, 0, 0], 0)).toEqual([1, 2, 3])
  })
})
