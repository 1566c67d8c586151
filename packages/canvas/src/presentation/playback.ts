import type { PresentationModel } from './presentationShots'

/**
 * Where the animatic is: a shot and the time into it. The shot is named by id, not by index or
 * absolute time, so when someone reorders or retimes shots while it plays (the presentation is
 * live), it stays on the shot it was showing.
 */
export interface PlaybackPosition {
  readonly shotId: string | null
  /** Seconds into the shot. */
  readonly offset: number
}

export const START: PlaybackPosition = { shotId: null, offset: 0 }

/** The index of the shot the position is on; a shot that is gone reads as the first. */
export function shotIndexOf(model: PresentationModel, position: PlaybackPosition): number {
  const index = model.shots.findIndex((shot) => shot.id === position.shotId)
  return index === -1 ? 0 : index
}

/**
 * Where `position` stands once the shots have changed from `before` to `after` (someone edited the
 * board while it is presented). On a shot still there it stays on it, wherever that moved. On a
 * deleted one it goes to the start of the shot that took its place: the next one in `before`'s
 * order still there, else the previous one, else (no shot left) the start. A viewer half-way
 * through a board keeps their place instead of being sent back to shot 1. A position on no shot
 * of `before` (none yet, or a URL's shot long gone) is left as it is.
 */
export function keepPlace(before: PresentationModel, after: PresentationModel, position: PlaybackPosition): PlaybackPosition {
  const left = new Set(after.shots.map((shot) => shot.id))
  if (position.shotId === null || left.has(position.shotId)) return position
  const was = before.shots.findIndex((shot) => shot.id === position.shotId)
  if (was === -1) return position
  const successor = before.shots.slice(was + 1).find((shot) => left.has(shot.id)) ?? before.shots.slice(0, was).findLast((shot) => left.has(shot.id))
  return successor ? { shotId: successor.id, offset: 0 } : START
}

/** The viewer's place when a delete moved them off it (`from`), and where {@link keepPlace} put them (`to`). */
export interface Displacement {
  readonly from: PlaybackPosition
  readonly to: PlaybackPosition
}

/**
 * {@link keepPlace}, and back again: when the shot the viewer was moved off comes back (the team
 * undid its delete) and the viewer is still where they were put (`position` is `displaced.to`
 * itself: no step, seek or frame of play since), they return to the place they had. Once they
 * have moved on, the board's edits no longer move them back. `displaced` is what the last call
 * returned; after a chain of deletes it keeps the first place, the one the viewer chose.
 */
export function followEdit(
  before: PresentationModel,
  after: PresentationModel,
  position: PlaybackPosition,
  displaced: Displacement | null,
): { position: PlaybackPosition; displaced: Displacement | null } {
  const stayed = displaced !== null && displaced.to === position ? displaced : null
  if (stayed && after.shots.some((shot) => shot.id === stayed.from.shotId)) return { position: stayed.from, displaced: null }
  const kept = keepPlace(before, after, position)
  if (kept === position) return { position, displaced: stayed }
  return { position: kept, displaced: { from: stayed?.from ?? position, to: kept } }
}

/** Seconds from the start of the animatic. */
export function timeOf(model: PresentationModel, position: PlaybackPosition): number {
  const shot = model.shots[shotIndexOf(model, position)]
  if (!shot) return 0
  return shot.startSeconds + Math.min(Math.max(position.offset, 0), shot.seconds)
}

/**
 * Where the playhead is for the clock, the timeline and the soundtrack: {@link timeOf}, but on
 * `heldShotId`, a shot held on screen until a tap (timing to sound), as far as it has played on,
 * past its stored end.
 */
export function playheadTime(model: PresentationModel, position: PlaybackPosition, heldShotId: string | null): number {
  const shot = model.shots[shotIndexOf(model, position)]
  return shot && shot.id === heldShotId ? shot.startSeconds + Math.max(position.offset, 0) : timeOf(model, position)
}

/** The position at `seconds` from the start (clamped to the animatic). */
export function seek(model: PresentationModel, seconds: number): PlaybackPosition {
  const t = Math.min(Math.max(seconds, 0), model.totalSeconds)
  let found = model.shots[0]
  for (const shot of model.shots) {
    if (shot.startSeconds <= t) found = shot
    else break
  }
  return found ? { shotId: found.id, offset: t - found.startSeconds } : START
}

/** The start of the shot `delta` shots away (at most back to the first; past the last, where it is). */
export function stepShot(model: PresentationModel, position: PlaybackPosition, delta: number): PlaybackPosition {
  if (model.shots.length === 0) return START
  const current = shotIndexOf(model, position)
  // Past the last shot there is nothing to step to: the playhead stays (not back to that shot's start).
  if (current + delta > model.shots.length - 1) return position
  const index = Math.max(current + delta, 0)
  return { shotId: model.shots[index]!.id, offset: 0 }
}

/** Plays on for `dt` seconds, into the next shots as each one's duration runs out; `ended` at the last frame. */
export function advance(
  model: PresentationModel,
  position: PlaybackPosition,
  dt: number,
): { position: PlaybackPosition; ended: boolean } {
  const end = model.totalSeconds
  const t = timeOf(model, position) + dt
  if (t >= end) {
    const last = model.shots.at(-1)
    return { position: last ? { shotId: last.id, offset: last.seconds } : START, ended: true }
  }
  // Within the same shot, keep the id even if seek would land on a zero-length neighbour.
  const index = shotIndexOf(model, position)
  const shot = model.shots[index]
  if (shot && position.shotId === shot.id && position.offset + dt < shot.seconds) {
    return { position: { shotId: shot.id, offset: position.offset + dt }, ended: false }
  }
  return { position: seek(model, t), ended: false }
}

/**
 * Seconds since the last call, for a requestAnimationFrame loop started at `start`
 * (performance.now()). A frame's timestamp is when that frame began, which can be before the loop
 * started (play pressed mid-frame): that frame counts as no time, and the next from `start`, so the
 * playhead never runs back before where play started (a pause there would show, and share with
 * followers, a frame before the shot's start).
 */
export function frameClock(start: number): (now: number) => number {
  let last = start
  return (now) => {
    const seconds = Math.max(now - last, 0) / 1000
    last = Math.max(now, last)
    return seconds
  }
}

/** `1:05.2`-style clock for the player: minutes, seconds and tenths. */
export function formatClock(seconds: number): string {
  const tenths = Math.floor(Math.max(seconds, 0) * 10)
  const m = Math.floor(tenths / 600)
  const s = Math.floor(tenths / 10) % 60
  return `${m}:${String(s).padStart(2, '0')}.${tenths % 10}`
}
