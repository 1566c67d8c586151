import type { ShotSound } from '@storyloom/shared/storyboard/shotShape'
import type { SoundtrackTiming } from '../soundtrack/soundtrackSync'

/** What of a shot its sound's timing needs (a PresentationShot, or a shot of an export's range). */
export interface SoundingShot {
  readonly sound: ShotSound | null
  /** How loud its sound plays, 0 to 1 (the shot's Volume). */
  readonly soundVolume: number
  /** When the shot starts, on the timeline its sound is placed on. */
  readonly startSeconds: number
  readonly seconds: number
}

/** A shot's sound placed on a timeline: from the shot's first frame, for as long as it is heard. */
export interface ShotSoundCue {
  readonly src: string
  readonly startSeconds: number
  /** Until the sound or the shot ends, whichever is first: a sound longer than its shot is cut at the cut. */
  readonly seconds: number
  /** How loud it plays, 0 (silent) to 1 (as recorded): its shot's Volume ({@link playbackVolume}). */
  readonly volume: number
}

/** Where `shot`'s sound plays, and how loud, or null when it has none. */
export function shotSoundCue(shot: SoundingShot | undefined): ShotSoundCue | null {
  if (!shot?.sound) return null
  return { src: shot.sound.src, startSeconds: shot.startSeconds, seconds: Math.min(shot.sound.duration, shot.seconds), volume: playbackVolume(shot.soundVolume) }
}

/**
 * The volume an `<audio>` (or a mix) plays a level at: the level itself from 0 to 1. The board
 * only holds levels in range, but an element throws on any other, so one that is not a number
 * plays at full, and one past an end at that end. Mute is the element's own and silences it at
 * any level.
 */
export function playbackVolume(level: number): number {
  if (typeof level !== 'number' || Number.isNaN(level)) return 1
  return Math.min(1, Math.max(0, level))
}

/**
 * The cue as the soundtrack's audio follows the playhead (followPlayhead): a file heard from its
 * start at the cue's start, for the cue's length; `time` is the playhead on the cue's timeline.
 */
export function cuePlayhead(cue: ShotSoundCue, playhead: { readonly time: number; readonly playing: boolean }): { timing: SoundtrackTiming; playhead: { time: number; playing: boolean } } {
  return { timing: { duration: cue.seconds, startAt: 0 }, playhead: { time: playhead.time - cue.startSeconds, playing: playhead.playing } }
}
