import { describe, expect, it } from 'vitest'
import { DRIFT_TOLERANCE_SECONDS, soundtrackCommand, soundtrackTimeAt } from './soundtrackSync'

const track = { duration: 20, startAt: 0 }
const audio = (currentTime: number, paused = false) => ({ currentTime, paused, seeking: false })

describe('soundtrackTimeAt', () => {
  it('is the playhead, moved on by where the file starts', () => {
    expect(soundtrackTimeAt(track, 3.5)).toBe(3.5)
    expect(soundtrackTimeAt({ duration: 20, startAt: 4 }, 3.5)).toBe(7.5)
  })

  it('is none once the file has run out (a soundtrack shorter than the animatic just ends)', () => {
    expect(soundtrackTimeAt(track, 20)).toBeNull()
    expect(soundtrackTimeAt({ duration: 20, startAt: 15 }, 6)).toBeNull()
  })
})

describe('soundtrackCommand', () => {
  it('plays along while the animatic plays, and leaves the file alone while it keeps time', () => {
    expect(soundtrackCommand(track, { time: 5, playing: true }, audio(5 + DRIFT_TOLERANCE_SECONDS / 2))).toEqual({ play: true, seekTo: null })
  })

  it('seeks the file when it drifts more than the tolerance, either way', () => {
    expect(soundtrackCommand(track, { time: 5, playing: true }, audio(5.3))).toEqual({ play: true, seekTo: 5 })
    expect(soundtrackCommand(track, { time: 5, playing: true }, audio(4.8))).toEqual({ play: true, seekTo: 5 })
  })

  it('pauses with the animatic, and follows a step, scrub or Home while paused', () => {
    expect(soundtrackCommand(track, { time: 5, playing: false }, audio(5, true))).toEqual({ play: false, seekTo: null })
    expect(soundtrackCommand(track, { time: 12, playing: false }, audio(5, true))).toEqual({ play: false, seekTo: 12 })
    expect(soundtrackCommand(track, { time: 0, playing: false }, audio(12, true))).toEqual({ play: false, seekTo: 0 })
  })

  it('does not seek again while a seek is under way (the file has not caught up yet)', () => {
    expect(soundtrackCommand(track, { time: 5, playing: true }, { currentTime: 1, paused: false, seeking: true })).toEqual({ play: true, seekTo: null })
  })

  it('is silent past the end of the file, and when the animatic ends', () => {
    expect(soundtrackCommand(track, { time: 21, playing: true }, audio(19.99))).toEqual({ play: false, seekTo: null })
    expect(soundtrackCommand({ duration: 60, startAt: 0 }, { time: 30, playing: false }, audio(30))).toEqual({ play: false, seekTo: null })
  })
})
