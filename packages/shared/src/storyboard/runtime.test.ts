import { describe, expect, it } from 'vitest'
import { formatRuntime, formatTimecode, framesToTimecode, secondsToFrames, sequenceTiming } from './runtime'
import { buildSequence } from './sequence'

describe('timecodes', () => {
  it('formats HH:MM:SS:FF at 24, 25 and 30 fps', () => {
    expect(formatTimecode(2.5, 24)).toBe('00:00:02:12')
    // 62.5 frames: half a frame rounds up.
    expect(formatTimecode(2.5, 25)).toBe('00:00:02:13')
    expect(formatTimecode(2.5, 30)).toBe('00:00:02:15')
    expect(formatTimecode(3661 + 23 / 24, 24)).toBe('01:01:01:23')
    expect(framesToTimecode(0, 30)).toBe('00:00:00:00')
    expect(framesToTimecode(30 * 60 * 60 * 100, 30)).toBe('100:00:00:00')
  })

  it('rounds to the nearest frame and never makes a shot vanish', () => {
    expect(secondsToFrames(1.02, 24)).toBe(24)
    expect(secondsToFrames(1.03, 24)).toBe(25)
    expect(secondsToFrames(0.001, 24)).toBe(1)
  })

  it('refuses frame counts that are not whole', () => {
    expect(() => framesToTimecode(1.5, 24)).toThrow(RangeError)
    expect(() => framesToTimecode(-1, 24)).toThrow(RangeError)
  })

  it('shows short durations in seconds and long ones in minutes', () => {
    expect(formatRuntime(2.5)).toBe('2.5s')
    expect(formatRuntime(0.1 + 0.2)).toBe('0.3s')
    expect(formatRuntime(65)).toBe('1:05')
    expect(formatRuntime(3725)).toBe('1:02:05')
    expect(formatRuntime(3600)).toBe('1:00:00')
  })

  it('drops part units as the timecode does, so the two never disagree', () => {
    // 152.5 s at 24 fps is 00:02:32:12.
    expect(framesToTimecode(3660, 24)).toBe('00:02:32:12')
    expect(formatRuntime(3660 / 24)).toBe('2:32')
    expect(formatRuntime(59.96)).toBe('59.9s')
    expect(formatRuntime(2.58)).toBe('2.5s')
    expect(formatRuntime(2.9999999999)).toBe('3s')
  })

  it('shows a frame-long duration in hundredths rather than as nothing', () => {
    expect(formatRuntime(1 / 24)).toBe('0.04s')
    expect(formatRuntime(0)).toBe('0s')
  })
})

describe('sequence timing', () => {
  const sequence = buildSequence(
    [
      { id: 'scene:1', order: 'a1' },
      { id: 'scene:2', order: 'a2' },
      { id: 'scene:empty', order: 'a3' },
    ],
    [
      { id: 'shape:a', sceneId: 'scene:1', order: 'a1', duration: 2.5 },
      { id: 'shape:b', sceneId: 'scene:1', order: 'a2', duration: 0.1 },
      { id: 'shape:c', sceneId: 'scene:2', order: 'a1', duration: 4 },
      { id: 'shape:d', sceneId: null, order: 'a1', duration: 1 },
    ],
  )

  it('totals the board and each scene in whole frames', () => {
    const timing = sequenceTiming(sequence, 24)
    expect(timing.total).toEqual({ frames: 60 + 2 + 96 + 24, seconds: 182 / 24 })
    expect(timing.scenes.get('scene:1')).toEqual({ frames: 62, seconds: 62 / 24 })
    expect(timing.scenes.get('scene:2')?.frames).toBe(96)
    expect(timing.scenes.get('scene:empty')?.frames).toBe(0)
    expect(timing.scenes.get(null)?.frames).toBe(24)
  })

  it('starts each shot where the previous one ends', () => {
    const timing = sequenceTiming(sequence, 25)
    expect(['shape:a', 'shape:b', 'shape:c', 'shape:d'].map((id) => timing.shots.get(id)?.startFrame)).toEqual([0, 63, 66, 166])
    expect(formatTimecode(timing.total.seconds, 25)).toBe('00:00:07:16')
  })
})
