import { describe, expect, it } from 'vitest'
import { soundtrackCommand } from '../soundtrack/soundtrackSync'
import { cuePlayhead, playbackVolume, shotSoundCue } from './shotSoundCue'

const sound = (duration: number) => ({ src: `/api/boards/BoardBoardBoard0/assets/${'a'.repeat(64)}`, mimeType: 'audio/wav' as const, name: 'line.wav', duration })

describe('a shot sound on the timeline', () => {
  it('has none for a shot without a sound', () => {
    expect(shotSoundCue({ sound: null, soundVolume: 1, startSeconds: 3, seconds: 2 })).toBeNull()
    expect(shotSoundCue(undefined)).toBeNull()
  })

  it('starts with its shot and lasts as long as the file when the shot is longer', () => {
    expect(shotSoundCue({ sound: sound(1.5), soundVolume: 1, startSeconds: 3, seconds: 4 })).toMatchObject({ startSeconds: 3, seconds: 1.5 })
  })

  it('is cut at the cut when the file is longer than its shot', () => {
    expect(shotSoundCue({ sound: sound(10), soundVolume: 1, startSeconds: 3, seconds: 2 })).toMatchObject({ startSeconds: 3, seconds: 2 })
  })

  it('is heard from the file\'s start at the shot\'s first frame, and stopped at the shot\'s end', () => {
    const cue = shotSoundCue({ sound: sound(10), soundVolume: 1, startSeconds: 3, seconds: 2 })!
    const at = (time: number, playing = true) => {
      const { timing, playhead } = cuePlayhead(cue, { time, playing })
      return soundtrackCommand(timing, playhead, { currentTime: 0, paused: true, seeking: false })
    }
    expect(at(3)).toEqual({ play: true, seekTo: null })
    // Scrubbed or stepped into the middle of the shot: the file is sought there.
    expect(at(4.25)).toEqual({ play: true, seekTo: 1.25 })
    // Paused: sought, so play starts at the right place, but not played.
    expect(at(4.25, false)).toEqual({ play: false, seekTo: 1.25 })
    // At the cut the sound stops, however much of the file is left.
    expect(at(5)).toEqual({ play: false, seekTo: null })
  })

  it('plays at its shot\'s Volume', () => {
    expect(shotSoundCue({ sound: sound(2), soundVolume: 0.4, startSeconds: 0, seconds: 2 })?.volume).toBe(0.4)
    expect(shotSoundCue({ sound: sound(2), soundVolume: 0, startSeconds: 0, seconds: 2 })?.volume).toBe(0)
    expect(shotSoundCue({ sound: sound(2), soundVolume: 1, startSeconds: 0, seconds: 2 })?.volume).toBe(1)
  })
})

describe('the volume an <audio> plays a level at', () => {
  it('is the level from silent to full', () => {
    expect([0, 0.4, 1].map(playbackVolume)).toEqual([0, 0.4, 1])
  })

  it('never asks the element for a volume it refuses (it throws outside 0 to 1): full for no number, the nearest end past one', () => {
    expect([Number.NaN, Number.POSITIVE_INFINITY, undefined as unknown as number].map(playbackVolume)).toEqual([1, 1, 1])
    expect([-0.5, 1.5].map(playbackVolume)).toEqual([0, 1])
  })
})
