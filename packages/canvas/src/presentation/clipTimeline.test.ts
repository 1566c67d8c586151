import { describe, expect, it } from 'vitest'
import { clipTimeline, frameAt } from './clipTimeline'

describe('clip timeline', () => {
  // 4 frames at 1/10 s, the third held for 0.3 s (the encoder merged identical frames).
  const timeline = clipTimeline([0.1, 0.1, 0.3, 0.1])

  it('starts each frame where the previous one ends', () => {
    expect(timeline.starts).toEqual([0, 0.1, 0.2, expect.closeTo(0.5, 9)])
    expect(timeline.seconds).toBeCloseTo(0.6, 9)
  })

  it('shows the frame on screen at a shot-local time, including a held one', () => {
    expect(frameAt(timeline, 0)).toBe(0)
    expect(frameAt(timeline, 0.05)).toBe(0)
    expect(frameAt(timeline, 0.1)).toBe(1)
    expect(frameAt(timeline, 0.2)).toBe(2)
    expect(frameAt(timeline, 0.45)).toBe(2)
    expect(frameAt(timeline, 0.55)).toBe(3)
  })

  it('starts at the first frame and holds the last past the clip, instead of looping', () => {
    expect(frameAt(timeline, -1)).toBe(0)
    expect(frameAt(timeline, Number.NaN)).toBe(0)
    expect(frameAt(timeline, 0.6)).toBe(3)
    expect(frameAt(timeline, 30)).toBe(3)
  })

  it('skips frames that last no time, and has no frame for an empty clip', () => {
    const odd = clipTimeline([0.1, 0, Number.NaN, 0.2])
    expect(odd.seconds).toBeCloseTo(0.3, 9)
    expect(frameAt(odd, 0.1)).toBe(3)
    expect(frameAt(clipTimeline([]), 1)).toBe(-1)
  })

  it('maps every frame of a long clip at 24 fps to its own time', () => {
    const long = clipTimeline(Array.from({ length: 240 }, () => 1 / 24))
    for (let i = 0; i < 240; i++) expect(frameAt(long, (i + 0.5) / 24)).toBe(i)
  })
})
