import { describe, expect, it } from 'vitest'
import { presentingSchema } from '@storyloom/shared/present/presentingPresence'
import { playheadTime } from './playback'
import type { PresentationModel } from './presentationShots'
import { FOLLOW_DRIFT_SECONDS, heldByPresenter, heldWhereFollowingEnds, onPresentersFrame, playheadToShare, SHARE_PLAYHEAD_EVERY_SECONDS, whereFollowingEnds } from './presenterPlayhead'
import { presentationShot as shot } from './testing/presentationShot'

const at = (shotId: string, offset: number) => ({ shotId, offset })

describe('playheadToShare', () => {
  it('shares the frame on screen while paused, and while playing where play started, not each frame since', () => {
    expect(playheadToShare({ playing: false, cue: at('a', 0), position: at('a', 1.4) })).toBe(1.4)
    expect(playheadToShare({ playing: true, cue: at('a', 0.5), position: at('a', 1.73) })).toBe(0.5)
  })

  it('while playing, shares the playhead anew every few seconds from where play started, so a follower who joins mid-shot is not a shot behind until the next cut', () => {
    const every = SHARE_PLAYHEAD_EVERY_SECONDS
    expect(playheadToShare({ playing: true, cue: at('a', 0.5), position: at('a', 0.5 + every - 0.01) })).toBe(0.5)
    expect(playheadToShare({ playing: true, cue: at('a', 0.5), position: at('a', 0.5 + every + 0.3) })).toBe(0.5 + every)
    // A shot held past its duration while the presenter times to sound, far into it.
    expect(playheadToShare({ playing: true, cue: at('a', 0), position: at('a', 5 * every + 0.1) })).toBe(5 * every)
    // Each share is on the presenter's frame for a follower who plays in step (a network's delay behind it).
    const shared = playheadToShare({ playing: true, cue: at('a', 0), position: at('a', every + 0.01) })
    expect(onPresentersFrame({ shotId: 'a', view: 'player', playing: true, offset: shared }, 'a', every + 0.05)).toBe(true)
  })

  it('never shares a frame before the shot’s start, which followers refuse (they would stop following)', () => {
    const shared = playheadToShare({ playing: false, cue: at('a', 0), position: at('a', -0.004) })
    expect(shared).toBe(0)
    expect(presentingSchema.safeParse({ shotId: 'a', view: 'player', playing: false, offset: shared }).success).toBe(true)
  })

  it('rounds to the millisecond, so float noise sends no update', () => {
    expect(playheadToShare({ playing: false, cue: at('a', 0), position: at('a', 0.1 + 0.2) })).toBe(0.3)
  })
})

describe('onPresentersFrame', () => {
  const screen = (offset: number | undefined, playing: boolean) => ({ shotId: 'a', view: 'player' as const, playing, ...(offset === undefined ? {} : { offset }) })

  it('is on another shot never, and paused only on the presenter’s very frame', () => {
    expect(onPresentersFrame(screen(1, false), 'b', 1)).toBe(false)
    expect(onPresentersFrame(screen(1.4, false), 'a', 1.4)).toBe(true)
    expect(onPresentersFrame(screen(1.4, false), 'a', 1.5)).toBe(false)
  })

  it('while both play, lets the follower be a network’s delay off the presenter (no jump back at every cut)', () => {
    expect(onPresentersFrame(screen(0, true), 'a', FOLLOW_DRIFT_SECONDS / 2)).toBe(true)
    expect(onPresentersFrame(screen(0, true), 'a', FOLLOW_DRIFT_SECONDS * 2)).toBe(false)
  })

  it('takes a screen without playhead (a presenter on an older client) as the shot only', () => {
    expect(onPresentersFrame(screen(undefined, false), 'a', 7)).toBe(true)
  })
})

describe('heldByPresenter', () => {
  const timing = (shotId: string | null, tapped: boolean) => ({ shotId, view: 'player' as const, playing: true, offset: 0.02, timing: { tapped } })

  it('holds the shot the presenter times to sound, as they do: past its stored duration, until their tap', () => {
    expect(heldByPresenter(timing('a', false), 'a')).toEqual({ shotId: 'a', tapped: false })
    expect(heldByPresenter(timing('b', true), 'b')).toEqual({ shotId: 'b', tapped: true })
    // The presenter's screen is valid on the wire, timing and all.
    expect(presentingSchema.safeParse(timing('b', true)).data).toEqual(timing('b', true))
  })

  it('holds nothing while the presenter plays by the board’s timing, nor while the follower is not yet on their shot', () => {
    expect(heldByPresenter({ shotId: 'a', view: 'player', playing: true, offset: 0 }, 'a')).toBeNull()
    expect(heldByPresenter(timing('b', true), 'a')).toBeNull()
    expect(heldByPresenter(timing(null, true), undefined)).toBeNull()
    expect(heldByPresenter(null, 'a')).toBeNull()
  })
})

describe('whereFollowingEnds', () => {
  const last = { shotId: 'b', view: 'player' as const, playing: true, offset: 0 }

  it('leaves a follower paused on the presenter’s last shot, on their own frame of it, when the presenter stops', () => {
    const ended = whereFollowingEnds(last, 'b', 1.2)
    expect(ended).toEqual({ shotId: 'b', view: 'player', playing: false, offset: 1.2 })
    // Paused on their own frame: the follower stays where they are, no jump back to the last shared playhead.
    expect(onPresentersFrame(ended, 'b', 1.2)).toBe(true)
  })

  it('keeps a shot the presenter held while timing to sound, past its stored duration, and holds it no more', () => {
    const ended = whereFollowingEnds({ ...last, timing: { tapped: true } }, 'b', 7.5)
    expect(ended).toEqual({ shotId: 'b', view: 'player', playing: false, offset: 7.5 })
    expect(heldByPresenter(ended, 'b')).toBeNull()
    expect(presentingSchema.safeParse(ended).success).toBe(true)
  })

  it('leaves the clock of a follower of a presenter who held a shot where the shot had played on to, not at its stored end', () => {
    // Shots of a second on the board; the presenter held b (timing to sound), the follower saw it play on to 7.5 s.
    const model: PresentationModel = { shots: [shot('a', 0, 1), shot('b', 1, 1), shot('c', 2, 1)], totalSeconds: 3, scenes: [], hasScenes: false }
    const held = { ...last, offset: 6, timing: { tapped: true } }
    const ended = whereFollowingEnds(held, 'b', 7.5)
    const left = heldWhereFollowingEnds(held)
    expect(left).toEqual({ shotId: 'b', tapped: true })
    expect(playheadTime(model, { shotId: ended.shotId, offset: ended.offset! }, left?.shotId ?? null)).toBe(8.5)
    // Behind a cut when the presenter stopped: put on the held shot at its last shared playhead, the clock there too.
    const behind = whereFollowingEnds(held, 'a', 0.5)
    expect(playheadTime(model, { shotId: behind.shotId, offset: behind.offset! }, left?.shotId ?? null)).toBe(7)
    // A presenter who held nothing leaves nothing held: the board's timing.
    expect(heldWhereFollowingEnds(last)).toBeNull()
    expect(heldWhereFollowingEnds({ ...held, shotId: null })).toBeNull()
    expect(playheadTime(model, { shotId: 'b', offset: 7.5 }, null)).toBe(2)
  })

  it('takes a follower who played on past the presenter’s last shot back to its last frame shared', () => {
    const ended = whereFollowingEnds({ ...last, offset: 0.4 }, 'c', 0.3)
    expect(ended).toEqual({ shotId: 'b', view: 'player', playing: false, offset: 0.4 })
    expect(onPresentersFrame(ended, 'c', 0.3)).toBe(false)
  })

  it('leaves the grid up when the presenter ended on it', () => {
    expect(whereFollowingEnds({ ...last, view: 'grid', playing: false }, 'b', 0)).toMatchObject({ view: 'grid', playing: false })
  })
})
