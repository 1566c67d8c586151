/** Where a presenter's playhead is within a shot, as "Present to everyone" shares it and its followers take it. */
import type { PresentingScreen } from '@storyloom/shared/present/presentingPresence'
import type { HeldShot } from './timingSounds'
import type { Playback } from './usePlayback'

/** Seconds a follower's playhead may be off the presenter's while both play (their clocks differ by the network's delay) before it is put back on it. */
export const FOLLOW_DRIFT_SECONDS = 0.25

/**
 * Where in the shot a presenter's followers are to be: while paused, the frame on screen; while
 * playing, where play started or the playhead was last put, which changes only then (not every frame).
 * Never before the shot's start: followers refuse such a screen (presentingSchema) as malformed,
 * and stop following.
 */
export function playheadToShare(playback: Pick<Playback, 'playing' | 'cue' | 'position'>): number {
  const { offset } = playback.playing ? playback.cue : playback.position
  return Math.max(Math.round(offset * 1000) / 1000, 0)
}

/** Whether a follower on `shotId` at `offset` is where the presenter's `screen` is (near it, while it plays). */
export function onPresentersFrame(screen: PresentingScreen, shotId: string | undefined, offset: number): boolean {
  if (screen.shotId !== shotId) return false
  if (screen.offset === undefined) return true // an older presenter's client: it says the shot only
  return Math.abs(screen.offset - offset) <= (screen.playing ? FOLLOW_DRIFT_SECONDS : 0.001)
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
