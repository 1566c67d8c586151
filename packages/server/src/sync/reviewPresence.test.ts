import { describe, expect, it } from 'vitest'
import { presenterStateForReview } from './reviewPresence'

/** A team member's state as the canvas shares it: a view others may follow (camera, screen, page), and a screen presented. */
const presenting = (screen: Record<string, unknown>) => ({
  presence: {
    userName: 'Ada',
    cursor: { x: 1, y: 2 },
    camera: { x: -5000, y: -3000, z: 0.5 },
    screenBounds: { x: 0, y: 0, w: 1280, h: 720 },
    currentPageId: 'page:page',
    followingUserId: 'user:ben',
  },
  presenting: screen,
})

describe('presenterStateForReview', () => {
  it('passes the presenter’s playhead in the shot on to a review link shown that shot, so the client is on their frame', () => {
    const state = presenterStateForReview(presenting({ shotId: 'shape:one', view: 'player', playing: false, offset: 1.4 }), () => true)
    expect(state).toEqual({ presence: { userName: 'Ada' }, presenting: { shotId: 'shape:one', view: 'player', playing: false, offset: 1.4 } })
  })

  it('passes on that the presenter times to sound, so the client holds the shot until their tap rather than cut at its stored duration', () => {
    const timing = { tapped: true }
    expect(presenterStateForReview(presenting({ shotId: 'shape:one', view: 'player', playing: true, offset: 0.02, timing }), () => true)?.presenting).toEqual({
      shotId: 'shape:one',
      view: 'player',
      playing: true,
      offset: 0.02,
      timing,
    })
    // Nor that, with a shot the link is not shown: there is no shot to hold.
    expect(presenterStateForReview(presenting({ shotId: 'shape:hidden', view: 'player', playing: true, offset: 0.02, timing }), () => false)?.presenting).toEqual({
      shotId: null,
      view: 'player',
      playing: true,
    })
  })

  it('sends no playhead with a shot the link is not shown, nor from a client that sends none', () => {
    expect(presenterStateForReview(presenting({ shotId: 'shape:hidden', view: 'player', playing: true, offset: 3 }), () => false)).toEqual({
      presence: { userName: 'Ada' },
      presenting: { shotId: null, view: 'player', playing: true },
    })
    expect(presenterStateForReview(presenting({ shotId: 'shape:one', view: 'grid', playing: false }), () => true)).toEqual({
      presence: { userName: 'Ada' },
      presenting: { shotId: 'shape:one', view: 'grid', playing: false },
    })
  })

  it('never passes on the team’s view (camera, screen, page, whom they follow): a review link cannot follow or locate anyone', () => {
    const state = presenterStateForReview(presenting({ shotId: 'shape:one', view: 'player', playing: true }), () => true)
    expect(state?.presence).toEqual({ userName: 'Ada' })
    const notPresenting = { ...presenting({}), presenting: null }
    expect(presenterStateForReview(notPresenting, () => true)).toBeNull()
  })

  it('passes on nothing of a screen whose playhead is not a time in a shot', () => {
    for (const offset of [-1, 1e9, '2', Number.NaN]) {
      expect(presenterStateForReview(presenting({ shotId: 'shape:one', view: 'player', playing: false, offset }), () => true)).toBeNull()
    }
  })
})
