/** Where a presenter's playhead is within a shot, as "Present to everyone" shares it and its followers take it. */
import type { PresentingScreen } from '@storyloom/shared/present/presentingPresence'
import { MAX_SHOT_DURATION_SECONDS } from '@storyloom/shared/storyboard/limits'
import type { HeldShot } from './timingSounds'
import type { Playback } from './usePlayback'

/** Seconds a follower's playhead may be off the presenter's while both play (their clocks differ by the network's delay) before it is put back on it. */
export const FOLLOW_DRIFT_SECONDS = 0.25

/**
 * Seconds between the playheads a playing presenter shares: a follower who joins (or Follows again)
 * mid-shot is put on the presenter's frame within as long, rather than playing from where the
 * presenter started the shot, behind by all they had played of it, until the next cut.
 */
export const SHARE_PLAYHEAD_EVERY_SECONDS = 2

/**
 * Where in the shot a presenter's followers are to be: while paused, the frame on screen; while
 * playing, where play started or the playhead was last put, then every
 * {@link SHARE_PLAYHEAD_EVERY_SECONDS} played from there (not every frame). Never before the shot's
 * start nor past the longest shot: followers refuse such a screen (presentingSchema) as malformed,
 * and stop following.
 */
export function playheadToShare(playback: Pick<Playback, 'playing' | 'cue' | 'position'>): number {
  const { cue, position } = playback
  const every = SHARE_PLAYHEAD_EVERY_SECONDS
  const offset = playback.playing ? cue.offset + Math.max(Math.floor((position.offset - cue.offset) / every), 0) * every : position.offset
  return Math.min(Math.max(Math.round(offset * 1000) / 1000, 0), MAX_SHOT_DURATION_SECONDS)
}

/** Whether a follower on `shotId` at `offset` is where the presenter's `screen` is (near it, while it plays). */
export function onPresentersFrame(screen: PresentingScreen, shotId: string | undefined, offset: number): boolean {
  if (screen.shotId !== shotId) return false
  if (screen.offset === undefined) return true // an older presenter's client: it says the shot only
  return Math.abs(screen.offset - offset) <= (screen.playing ? FOLLOW_DRIFT_SECONDS : 0.001)
}

/**
 * Where a follower is left when the presenter they follow stops presenting (or leaves): paused on
 * the presenter's last shot, as the presentation ends for everyone, not playing on by the board's
 * timing while the presenter is elsewhere. On that shot already, they stay on their own frame (the
 * presenter's last shared playhead, while they played, is up to {@link SHARE_PLAYHEAD_EVERY_SECONDS}
 * behind it), past its stored duration too when the presenter was timing to sound and held it;
 * elsewhere (behind a cut, or played on past it), they go to the presenter's last frame.
 */
export function whereFollowingEnds(last: PresentingScreen, shotId: string | undefined, offset: number): PresentingScreen {
  const onShot = last.shotId !== null && last.shotId === shotId
  const at = onShot ? offset : last.offset
  return { shotId: last.shotId, view: last.view, playing: false, ...(at === undefined ? {} : { offset: Math.max(at, 0) }) }
}

/**
 * The shot a follower is left on, held, when the presenter they followed stops (or leaves) while
 * timing to sound: {@link whereFollowingEnds} pauses them on it, past its stored end, and there
 * their clock and timeline stay — where they were left, not at the end the tap was to replace —
 * until they play on by the board's timing or go elsewhere. Null when the presenter held nothing.
 */
export function heldWhereFollowingEnds(last: PresentingScreen): HeldShot | null {
  return last.shotId === null ? null : heldByPresenter(last, last.shotId)
}

/**
 * The shot a follower holds on screen while the presenter they follow times the animatic to sound,
 * as the presenter does (useTapTiming): it plays on past its stored duration, which their tap has
 * yet to set, until that tap brings on the next shot; its sounds follow it (timingSounds.ts). Null:
 * the board's timing, as when the presenter plays the animatic, or the follower is not yet on their shot.
 */
export function heldByPresenter(screen: PresentingScreen | null, shotId: string | undefined): HeldShot | null {
  if (!screen?.timing || screen.shotId === null || screen.shotId !== shotId) return null
  return { shotId: screen.shotId, tapped: screen.timing.tapped }
}
