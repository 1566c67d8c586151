import { describe, expect, it } from 'vitest'
import { soundtrackParts } from './rangeSoundtrack'

const track = { duration: 20, startAt: 1.5 }

describe('soundtrackParts', () => {
  it('plays the whole board’s soundtrack from its Starts at', () => {
    expect(soundtrackParts(track, [{ boardStartSeconds: 0, startSeconds: 0, seconds: 9 }])).toEqual([{ at: 0, from: 1.5, seconds: 9 }])
  })

  it('plays a scene’s part: Starts at plus the scene’s start on the board', () => {
    expect(soundtrackParts(track, [{ boardStartSeconds: 3.5, startSeconds: 0, seconds: 6 }])).toEqual([{ at: 0, from: 5, seconds: 6 }])
  })

  it('plays each unbroken run of a selection from its own place, so every shot hears what plays under it on the board', () => {
    expect(
      soundtrackParts(track, [
        { boardStartSeconds: 0, startSeconds: 0, seconds: 2 },
        { boardStartSeconds: 6.5, startSeconds: 2, seconds: 3 },
      ]),
    ).toEqual([
      { at: 0, from: 1.5, seconds: 2 },
      { at: 2, from: 8, seconds: 3 },
    ])
  })

  it('has nothing for a part past the end of the file', () => {
    expect(soundtrackParts(track, [{ boardStartSeconds: 18.5, startSeconds: 0, seconds: 4 }])).toEqual([])
  })
})
