import { describe, expect, it } from 'vitest'
import { transitionLengthField } from './transitionLengthText'

const shot = { transitionIn: 'dissolve', duration: 3, transitionInSeconds: null } as const

describe('transitionLengthField', () => {
  it('shows frames at the board rate, with seconds in the hint', () => {
    expect(transitionLengthField({ ...shot, transitionInSeconds: 13 / 24 }, 24)).toEqual({ frames: 13, usualFrames: 12, hint: '0.54 s at 24 fps' })
    expect(transitionLengthField({ ...shot, transitionInSeconds: 1 }, 25)).toEqual({ frames: 25, usualFrames: 13, hint: '1 s at 25 fps' })
  })

  it('names the usual length of a shot without its own: 12 frames for a dissolve at 24 fps, 18 for a fade', () => {
    expect(transitionLengthField(shot, 24)).toEqual({ frames: null, usualFrames: 12, hint: 'Usual length: 12 frames (0.5 s at 24 fps)' })
    expect(transitionLengthField({ ...shot, transitionIn: 'fade' }, 24).hint).toBe('Usual length: 18 frames (0.75 s at 24 fps)')
  })

  it('says when half the shot cuts the length short', () => {
    expect(transitionLengthField({ ...shot, transitionInSeconds: 2 }, 24).hint).toBe('Plays 36 frames (1.5 s): never more than half the shot')
    expect(transitionLengthField({ ...shot, duration: 0.5 }, 24).hint).toBe('Plays 6 frames (0.25 s): never more than half the shot')
    expect(transitionLengthField({ ...shot, transitionInSeconds: 1.5 }, 24).hint).toBe('1.5 s at 24 fps')
  })
})
