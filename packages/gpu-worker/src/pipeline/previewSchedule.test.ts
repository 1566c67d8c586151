import { describe, expect, it } from 'vitest'
import { PREVIEW_INTERVAL_MS, PreviewSchedule } from './previewSchedule'

/** The steps (1-based) that get a preview when step n finishes at `finishedAt[n - 1]` ms. */
function previewedSteps(finishedAt: number[], intervalMs?: number): number[] {
  let clock = 0
  const schedule = new PreviewSchedule(finishedAt.length, intervalMs, () => clock)
  return finishedAt.flatMap((at, i) => {
    clock = at
    return schedule.take(i + 1) ? [i + 1] : []
  })
}

describe('PreviewSchedule', () => {
  it('previews the first step only when steps take milliseconds', () => {
    expect(previewedSteps([5, 10, 15, 20, 25, 30])).toEqual([1])
  })

  it('previews every step but the last when steps are slower than the preview rate', () => {
    const slow = [300, 600, 900, 1200]
    expect(previewedSteps(slow)).toEqual([1, 2, 3])
  })

  it('sends the next preview once the interval has passed since the last one sent, not since the last step', () => {
    // 100 ms steps at 4 previews a second: steps 1, 4, 7 (each 300 ms after the previous preview).
    expect(PREVIEW_INTERVAL_MS).toBe(250)
    expect(previewedSteps([100, 200, 300, 400, 500, 600, 700, 800])).toEqual([1, 4, 7])
  })

  it('still previews a one-step generation, and with interval 0 every step but the last', () => {
    expect(previewedSteps([40])).toEqual([1])
    expect(previewedSteps([1, 2, 3, 4], 0)).toEqual([1, 2, 3])
  })
})
