import { describe, expect, it } from 'vitest'
import { duckedGain } from '@storyloom/shared/storyboard/soundtrackDucking'
import { DUCK_RAMP_SECONDS, duckEnvelope, duckUnderShotSounds, gainAt, scheduleEnvelope } from './duckEnvelope'

const R = DUCK_RAMP_SECONDS
const d12 = duckedGain(12)
const stretch = (startSeconds: number, seconds: number) => ({ startSeconds, seconds })

describe('duckEnvelope', () => {
  it('lowers the soundtrack over a sound’s stretch, reaching the ducked level as the sound starts and coming back up after it ends', () => {
    expect(duckEnvelope([stretch(2, 1.5)], 12, 10)).toEqual([
      { time: 0, gain: 1 },
      { time: 2 - R, gain: 1 },
      { time: 2, gain: d12 },
      { time: 3.5, gain: d12 },
      { time: 3.5 + R, gain: 1 },
    ])
  })

  it('leaves the soundtrack at full level when ducking is Off or nothing sounds', () => {
    expect(duckEnvelope([stretch(2, 1.5)], 0, 10)).toEqual([{ time: 0, gain: 1 }])
    expect(duckEnvelope([], 18, 10)).toEqual([{ time: 0, gain: 1 }])
    expect(duckEnvelope([stretch(2, 0)], 18, 10)).toEqual([{ time: 0, gain: 1 }])
  })

  it('lowers by the chosen amount: −6 dB is half the amplitude, −18 dB an eighth', () => {
    expect(gainAt(duckEnvelope([stretch(1, 1)], 6, 5), 1.5)).toBeCloseTo(0.501, 3)
    expect(gainAt(duckEnvelope([stretch(1, 1)], 18, 5), 1.5)).toBeCloseTo(0.126, 3)
  })

  it('merges back-to-back and overlapping sounds into one dip, with no rise between them', () => {
    const envelope = duckEnvelope([stretch(4, 2), stretch(1, 3), stretch(5, 2)], 12, 10)
    expect(envelope).toEqual([
      { time: 0, gain: 1 },
      { time: 1 - R, gain: 1 },
      { time: 1, gain: d12 },
      { time: 7, gain: d12 },
      { time: 7 + R, gain: 1 },
    ])
  })

  it('holds the dip across a gap too short for the level to come back up and go down again', () => {
    const envelope = duckEnvelope([stretch(1, 1), stretch(2 + R, 1)], 12, 10)
    expect(envelope.filter((point) => point.time > 1 && point.time < 3 + R).map((point) => point.gain)).toEqual([])
    expect(gainAt(envelope, 2 + R / 2)).toBe(d12)
    // A gap of more than two ramps comes back to full level between them.
    expect(gainAt(duckEnvelope([stretch(1, 1), stretch(2 + 3 * R, 1)], 12, 10), 2 + 1.5 * R)).toBe(1)
  })

  it('puts no ramp outside the timeline: a sound from the first frame is ducked from 0, one to the last frame stays ducked to the end', () => {
    const envelope = duckEnvelope([stretch(0, 1), stretch(4, 2)], 12, 6)
    expect(envelope).toEqual([
      { time: 0, gain: d12 },
      { time: 1, gain: d12 },
      { time: 1 + R, gain: 1 },
      { time: 4 - R, gain: 1 },
      { time: 4, gain: d12 },
      { time: 6, gain: d12 },
    ])
    expect(envelope.every((point) => point.time >= 0 && point.time <= 6)).toBe(true)
  })

  it('shortens a ramp that would start before 0 or end after the timeline, and cuts a sound at the timeline’s end', () => {
    expect(duckEnvelope([stretch(R / 3, 1)], 12, 10).slice(0, 2)).toEqual([
      { time: 0, gain: 1 },
      { time: R / 3, gain: d12 },
    ])
    const late = duckEnvelope([stretch(3, 5)], 12, 4)
    expect(late.at(-1)).toEqual({ time: 4, gain: d12 })
    expect(duckEnvelope([stretch(3.5, 0.5)], 12, 4 + R / 2).at(-1)).toEqual({ time: 4 + R / 2, gain: 1 })
    expect(duckEnvelope([stretch(5, 1)], 12, 4)).toEqual([{ time: 0, gain: 1 }])
  })
})

describe('gainAt', () => {
  it('follows the ramps linearly, so the level glides rather than clicks', () => {
    const envelope = duckEnvelope([stretch(2, 1)], 12, 10)
    expect(gainAt(envelope, 0)).toBe(1)
    expect(gainAt(envelope, 2 - R)).toBe(1)
    expect(gainAt(envelope, 2 - R / 2)).toBeCloseTo((1 + d12) / 2, 9)
    expect(gainAt(envelope, 2.5)).toBe(d12)
    expect(gainAt(envelope, 3 + R / 2)).toBeCloseTo((1 + d12) / 2, 9)
    expect(gainAt(envelope, 9)).toBe(1)
  })

  it('holds the first and last levels outside the envelope', () => {
    const envelope = duckEnvelope([stretch(0, 1)], 12, 1)
    expect(gainAt(envelope, -1)).toBe(d12)
    expect(gainAt(envelope, 5)).toBe(d12)
  })
})

describe('scheduleEnvelope', () => {
  it('sets the first level at its time and ramps linearly to each next point, as the offline mix plays it', () => {
    const calls: string[] = []
    const param = {
      setValueAtTime: (value: number, time: number) => calls.push(`set ${value} @${time}`),
      linearRampToValueAtTime: (value: number, time: number) => calls.push(`ramp ${value} @${time}`),
    }
    scheduleEnvelope(param as unknown as AudioParam, [
      { time: 0, gain: 1 },
      { time: 1, gain: 1 },
      { time: 1.15, gain: 0.25 },
    ])
    expect(calls).toEqual(['set 1 @0', 'ramp 1 @1', 'ramp 0.25 @1.15'])
  })
})

describe('duckUnderShotSounds', () => {
  const sound = (duration: number) => ({ src: `/api/boards/b/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav' as const, name: 'line.wav', duration })
  const shot = (startSeconds: number, seconds: number, soundDuration: number | null, soundVolume = 1) => ({
    startSeconds,
    seconds,
    sound: soundDuration === null ? null : sound(soundDuration),
    soundVolume,
  })

  it('ducks from a shot’s first frame until its sound ends or the cut, whichever is first', () => {
    const envelope = duckUnderShotSounds([shot(0, 2, null), shot(2, 3, 1), shot(5, 1, 4), shot(6, 4, null)], 12, 10)
    expect(gainAt(envelope, 1)).toBe(1)
    expect(gainAt(envelope, 2)).toBe(d12)
    expect(gainAt(envelope, 3 + 2 * R)).toBe(1)
    expect(gainAt(envelope, 5)).toBe(d12)
    expect(gainAt(envelope, 5.99)).toBe(d12)
    expect(gainAt(envelope, 6 + R)).toBe(1)
  })

  it('does not duck under a sound whose Volume is 0: nothing is heard over the soundtrack', () => {
    expect(duckUnderShotSounds([shot(1, 2, 2, 0)], 12, 5)).toEqual([{ time: 0, gain: 1 }])
  })
})
