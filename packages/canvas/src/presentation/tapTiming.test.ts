import { describe, expect, it } from 'vitest'
import { secondsToFrames } from '@storyloom/shared/storyboard/runtime'
import { MAX_SHOT_DURATION_SECONDS } from '@storyloom/shared/storyboard/limits'
import { shotStartedAt, startTapRecording, tapCut, tapSummary, type TapRecording } from './tapTiming'

/** Taps at each of `times` (page-clock seconds) over shots a, b, c, d…, from a recording started at 10 s. */
function tapAll(times: number[], fps: 24 | 25 | 30 = 24, shots = ['a', 'b', 'c', 'd']): TapRecording {
  let recording = startTapRecording('a', 0, 10, fps)
  for (const now of times) {
    const next = shots[shots.indexOf(recording.shotId) + 1] ?? null
    recording = tapCut(recording, next, now)?.recording ?? recording
  }
  return recording
}

describe('tapCut', () => {
  it("ends the shot on screen at the tap: its duration is the time since it started, in whole frames at the board's rate", () => {
    const recording = tapAll([11.5, 12.26])
    expect(recording.timed).toEqual([
      { shotId: 'a', seconds: 1.5 },
      // 0.76 s is 18.24 frames: 18 frames, 0.75 s.
      { shotId: 'b', seconds: 0.75 },
    ])
    expect(recording.shotId).toBe('c')
  })

  it('writes whole frames to the millisecond, which the animatic reads back as the same frames', () => {
    for (const fps of [24, 25, 30] as const) {
      const { timed } = tapAll([10.37, 11.111, 13.9], fps)
      for (const { seconds } of timed) {
        expect(Math.round(seconds * 1000) / 1000).toBe(seconds)
        expect(secondsToFrames(seconds, fps) / fps).toBeCloseTo(seconds, 3)
      }
    }
  })

  it('puts each cut on the frame nearest its tap from the start, so rounding never adds up and the cuts stay on the sound', () => {
    // Each gap is 0.52 s (12.48 frames): rounded one by one every cut would drift 0.48 frame later.
    const { timed } = tapAll([10.52, 11.04, 11.56])
    const frames = timed.map(({ seconds }) => Math.round(seconds * 24))
    expect(frames).toEqual([12, 13, 12])
    expect(frames.reduce((a, b) => a + b)).toBe(Math.round(1.56 * 24))
  })

  it('starts the first shot where the playhead was in it: a shot started 1 s in lasts from its own start', () => {
    const recording = startTapRecording('a', 1, 10, 24)
    expect(shotStartedAt(recording)).toBe(9)
    expect(tapCut(recording, 'b', 11)?.recording.timed).toEqual([{ shotId: 'a', seconds: 2 }])
  })

  it('ignores a tap within a frame of the last cut (a key repeat, a double tap): no shot lasts less than a frame', () => {
    const first = tapCut(startTapRecording('a', 0, 10, 24), 'b', 11)!.recording
    expect(tapCut(first, 'c', 11.01)).toBeNull()
    // The very start too: a tap at once does not make the first shot empty.
    expect(tapCut(startTapRecording('a', 0, 10, 24), 'b', 10.015)).toBeNull()
    // A frame on, it cuts: one frame long.
    expect(tapCut(first, 'c', 11 + 1 / 24)?.recording.timed.at(-1)).toEqual({ shotId: 'b', seconds: 0.042 })
  })

  it('never times a shot longer than a shot may last', () => {
    const cut = tapCut(startTapRecording('a', 0, 0, 24), 'b', MAX_SHOT_DURATION_SECONDS + 50)!
    expect(cut.recording.timed).toEqual([{ shotId: 'a', seconds: MAX_SHOT_DURATION_SECONDS }])
    // The next shot starts where that one ended.
    expect(shotStartedAt(cut.recording)).toBe(MAX_SHOT_DURATION_SECONDS)
  })

  it('moves on to the next shot, which starts at the cut; the last shot’s tap ends the recording', () => {
    const cut = tapCut(startTapRecording('a', 0, 10, 24), 'b', 12)!
    expect(cut.done).toBe(false)
    expect(cut.recording.shotId).toBe('b')
    expect(shotStartedAt(cut.recording)).toBe(12)
    const last = tapCut(cut.recording, null, 13)!
    expect(last.done).toBe(true)
    expect(last.recording.timed.map((t) => t.shotId)).toEqual(['a', 'b'])
  })
})

describe('tapSummary', () => {
  it('counts the shots timed and how long they run together, as on Present’s clock', () => {
    expect(tapSummary([{ shotId: 'a', seconds: 1.5 }, { shotId: 'b', seconds: 40.75 }])).toBe('Timed 2 shots · 0:42.2')
    expect(tapSummary([{ shotId: 'a', seconds: 2 }])).toBe('Timed 1 shot · 0:02.0')
  })
})
