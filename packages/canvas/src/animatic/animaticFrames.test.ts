import { describe, expect, it } from 'vitest'
import { animaticFrames, videoFrameSize } from './animaticFrames'

/** Shots laid end to end as the presentation model times them. */
function timed(seconds: number[]): { seconds: number; startSeconds: number }[] {
  let start = 0
  return seconds.map((s) => {
    const shot = { seconds: s, startSeconds: start }
    start += s
    return shot
  })
}

describe('animaticFrames', () => {
  it('gives each shot its duration in frames, one after another', () => {
    expect(animaticFrames(timed([2, 0.5, 3]), 24)).toEqual({
      spans: [
        { startFrame: 0, frames: 48 },
        { startFrame: 48, frames: 12 },
        { startFrame: 60, frames: 72 },
      ],
      totalFrames: 132,
    })
  })

  it('keeps a shot of a single frame, and a very long one', () => {
    const { spans, totalFrames } = animaticFrames(timed([1 / 24, 600, 1 / 24]), 24)
    expect(spans.map((s) => s.frames)).toEqual([1, 14_400, 1])
    expect(totalFrames).toBe(14_402)
  })

  it('does not drift over a long animatic at a frame rate the durations do not divide into', () => {
    // 500 shots of 1/3 s at 25 fps: 8.33 frames each. Rounding each shot on its own would make
    // 500 × 8 = 4000 frames, 6.7 s short; cut on the running time it ends where the animatic does.
    const { spans, totalFrames } = animaticFrames(timed(Array(500).fill(1 / 3)), 25)
    expect(totalFrames).toBe(Math.round((500 / 3) * 25))
    expect(spans.every((s) => s.frames === 8 || s.frames === 9)).toBe(true)
    expect(spans.at(-1)!.startFrame + spans.at(-1)!.frames).toBe(totalFrames)
  })

  it('has no frames for no shots', () => {
    expect(animaticFrames([], 30)).toEqual({ spans: [], totalFrames: 0 })
  })
})

describe('videoFrameSize', () => {
  it('is 1280×720 for a 16:9 board, and even-sided for the others', () => {
    expect(videoFrameSize('16:9')).toEqual({ width: 1280, height: 720 })
    expect(videoFrameSize('9:16')).toEqual({ width: 720, height: 1280 })
    const scope = videoFrameSize('2.39:1')
    expect(scope.width).toBe(1280)
    expect(scope.height % 2).toBe(0)
    expect(Math.abs(scope.width / scope.height - 2.39)).toBeLessThan(0.01)
  })
})
