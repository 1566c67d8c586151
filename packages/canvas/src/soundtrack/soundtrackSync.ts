import type { BoardSoundtrack } from '@storyloom/shared/storyboard/soundtrack'

/**
 * How far the soundtrack may stray from the playhead, in seconds, before it is sought back: a
 * tenth of a second reads as in sync for scratch voice-over, and seeking more often stutters.
 */
export const DRIFT_TOLERANCE_SECONDS = 0.1

/** What of a soundtrack its timing needs. */
export type SoundtrackTiming = Pick<BoardSoundtrack, 'duration' | 'startAt'>

/**
 * The time in the file heard at `seconds` into the animatic, or null once the file has run
 * out (a soundtrack shorter than the animatic just ends; a longer one stops with the animatic,
 * which never plays past its end).
 */
export function soundtrackTimeAt(soundtrack: SoundtrackTiming, seconds: number): number | null {
  const at = soundtrack.startAt + Math.max(seconds, 0)
  return at < soundtrack.duration ? at : null
}

/** What the audio element is doing (an `HTMLMediaElement` has these). */
export interface AudioClock {
  readonly currentTime: number
  readonly paused: boolean
  readonly seeking: boolean
}

/** Whether the audio is to play, and where to seek it first (null: it keeps time, leave it). */
export interface SoundtrackCommand {
  readonly play: boolean
  readonly seekTo: number | null
}

/**
 * What the soundtrack's audio must do to follow the playhead: the animatic's clock leads
 * (steps, scrubs and a presenter's playhead move it), the audio follows. It plays while the
 * animatic plays and the file has not run out, and is sought when it strays more than
 * {@link DRIFT_TOLERANCE_SECONDS}, paused too, so play starts from the right place. Never
 * while a seek is still under way: the file has not caught up yet, and seeking again restarts it.
 */
export function soundtrackCommand(
  soundtrack: SoundtrackTiming,
  playhead: { readonly time: number; readonly playing: boolean },
  audio: AudioClock,
): SoundtrackCommand {
  const target = soundtrackTimeAt(soundtrack, playhead.time)
  if (target === null) return { play: false, seekTo: null }
  const drifted = !audio.seeking && Math.abs(audio.currentTime - target) > DRIFT_TOLERANCE_SECONDS
  return { play: playhead.playing, seekTo: drifted ? target : null }
}
