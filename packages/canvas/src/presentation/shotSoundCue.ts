import type { ShotSound } from '@storyloom/shared/storyboard/shotShape'
import type { SoundtrackTiming } from '../soundtrack/soundtrackSync'

/** What of a shot its sound's timing needs (a PresentationShot, or a shot of an export's range). */
export interface SoundingShot {
  readonly sound: ShotSound | null
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
}

/** Where `shot`'s sound plays, or null when it has none. */
export function shotSoundCue(shot: SoundingShot | undefined): ShotSoundCue | null {
  if (!shot?.sound) return null
  return { src: shot.sound.src, startSeconds: shot.startSeconds, seconds: Math.min(shot.sound.duration, shot.seconds) }
}

/**
 * The cue as the soundtrack's audio follows the playhead (followPlayhead): a file heard from its
 * start at the cue's start, for the cue's length; `time` is the playhead on the cue's timeline.
 */
export function cuePlayhead(cue: ShotSoundCue, playhead: { readonly time: number; readonly playing: boolean }): { timing: SoundtrackTiming; playhead: { time: number; playing: boolean } } {
  return { timing: { duration: cue.seconds, startAt: 0 }, playhead: { time: playhead.time - cue.startSeconds, playing: playhead.playing } }
}
