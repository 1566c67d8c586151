import { describe, expect, it } from 'vitest'
import { duckedGain } from '@storyloom/shared/storyboard/soundtrackDucking'
import { DUCK_RAMP_SECONDS, duckUnderShotSounds, gainAt } from '../soundtrack/duckEnvelope'
import { duckWhileTiming, heldShotSound } from './timingSounds'

const R = DUCK_RAMP_SECONDS
const d12 = duckedGain(12)
const sound = (duration: number) => ({ src: `/api/boards/BoardBoardBoard0/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav' as const, name: 'line.wav', duration })
/** A shot as the board times it: `seconds` is its stored duration, its sound `heard` seconds long (none: silent). */
const shot = (id: string, startSeconds: number, seconds: number, heard: number | null, soundVolume = 1) => ({
  id,
  startSeconds,
  seconds,
  sound: heard === null ? null : sound(heard),
  soundVolume,
})

/** The points to the nanosecond: a dip glided down after a tap ends at sums that are off in the last bit. */
const rounded = (points: readonly { time: number; gain: number }[]) => points.map(({ time, gain }) => ({ time: Math.round(time * 1e9) / 1e9, gain }))

describe('the held shot’s own sound while timing to sound', () => {
  it('plays from its first frame until its file ends, not cut at the shot’s old duration (the tap is its cut)', () => {
    expect(heldShotSound(shot('a', 3, 2, 10))).toMatchObject({ startSeconds: 3, seconds: 10 })
    expect(heldShotSound(shot('a', 3, 2, 1.5))).toMatchObject({ startSeconds: 3, seconds: 1.5 })
    expect(heldShotSound(shot('a', 3, 2, null))).toBeNull()
    expect(heldShotSound(undefined)).toBeNull()
  })
})

describe('the soundtrack ducked while timing to sound', () => {
  it('stays down under the held shot’s sound for as long as the file plays, past the shot’s old duration, then comes back up', () => {
    const shots = [shot('x', 0, 1, null), shot('a', 1, 2, 3), shot('b', 3, 2, null)]
    expect(duckWhileTiming(shots, { shotId: 'a', tapped: false }, 12)).toEqual([
      { time: 0, gain: 1 },
      // Timing started in it: it was already down at its first frame, as when played.
      { time: 1 - R, gain: 1 },
      { time: 1, gain: d12 },
      { time: 4, gain: d12 },
      { time: 4 + R, gain: 1 },
    ])
    // As the board times it the dip ended at its old cut.
    expect(gainAt(duckUnderShotSounds(shots, 12, 5), 3.5)).toBe(1)
  })

  it('lowers nothing at the old times of the shots after the held one: they start at taps not yet made', () => {
    const shots = [shot('a', 0, 1, null), shot('b', 1, 1, 1), shot('c', 2, 1, 0.5)]
    expect(duckWhileTiming(shots, { shotId: 'a', tapped: false }, 12)).toEqual([{ time: 0, gain: 1 }])
    expect(gainAt(duckUnderShotSounds(shots, 12, 3), 1.5)).toBe(d12)
  })

  it('ducks under a shot a tap brought on from the tap, gliding down in the ramp after it (a tap cannot be foreseen)', () => {
    const shots = [shot('a', 0, 1.5, null), shot('b', 1.5, 1, 2), shot('c', 2.5, 1, 1)]
    expect(rounded(duckWhileTiming(shots, { shotId: 'b', tapped: true }, 12))).toEqual([
      { time: 0, gain: 1 },
      { time: 1.5, gain: 1 },
      { time: 1.65, gain: d12 },
      { time: 3.5, gain: d12 },
      { time: 3.65, gain: 1 },
    ])
  })

  it('ends the dip of a sound the tap cut at the tap, and keeps the level down when the next shot’s sound follows it', () => {
    // Shot a was tapped at 1.2 s (its duration written) with 3 s of its line left unheard; b, the held shot, speaks at once.
    const shots = [shot('a', 0, 1.2, 3), shot('b', 1.2, 1, 1)]
    expect(rounded(duckWhileTiming(shots, { shotId: 'b', tapped: true }, 12))).toEqual([
      { time: 0, gain: d12 },
      { time: 2.2, gain: d12 },
      { time: 2.35, gain: 1 },
    ])
    // Without a sound on b, the level comes back up after the tap.
    expect(rounded(duckWhileTiming([shot('a', 0, 1.2, 3), shot('b', 1.2, 1, null)], { shotId: 'b', tapped: true }, 12))).toEqual([
      { time: 0, gain: d12 },
      { time: 1.2, gain: d12 },
      { time: 1.35, gain: 1 },
    ])
  })

  it('lowers nothing for a held shot at Volume 0, nor when ducking is Off', () => {
    expect(duckWhileTiming([shot('a', 0, 1, 3, 0)], { shotId: 'a', tapped: false }, 12)).toEqual([{ time: 0, gain: 1 }])
    expect(duckWhileTiming([shot('a', 0, 1, 3)], { shotId: 'a', tapped: false }, 0)).toEqual([{ time: 0, gain: 1 }])
  })

  it('follows the board’s timing when the held shot is no longer on it (deleted meanwhile)', () => {
    const shots = [shot('a', 0, 1, 2), shot('b', 1, 2, 1)]
    expect(duckWhileTiming(shots, { shotId: 'gone', tapped: true }, 12)).toEqual(duckUnderShotSounds(shots, 12, 3))
  })
})
