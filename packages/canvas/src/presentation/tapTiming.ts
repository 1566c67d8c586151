import type { FrameRate } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { MAX_SHOT_DURATION_SECONDS } from '@storyloom/shared/storyboard/limits'
import { formatClock } from './playback'

/**
 * "Time to sound": the editor plays the animatic with its soundtrack and taps at each cut; each
 * tap ends the shot on screen there. Times are on the page's clock (seconds, as
 * `performance.now() / 1000` and an event's `timeStamp`), so a tap counts when the key went down.
 */

/** A shot the recording timed, and the duration it was given (seconds, whole frames). */
export interface TimedShot {
  readonly shotId: string
  readonly seconds: number
}

/** A recording under way. */
export interface TapRecording {
  /** The shot on screen, which the next tap ends. */
  readonly shotId: string
  readonly fps: FrameRate
  /** When, on the page's clock, the first shot of the recording started (where it was started in it subtracted). */
  readonly origin: number
  /** Frames from `origin` to the start of the shot on screen: the cuts so far. */
  readonly cutFrame: number
  /** The shots timed so far, in order. */
  readonly timed: readonly TimedShot[]
}

/** A recording starting `offset` seconds into `shotId` at `now`. */
export function startTapRecording(shotId: string, offset: number, now: number, fps: FrameRate): TapRecording {
  return { shotId, fps, origin: now - Math.max(offset, 0), cutFrame: 0, timed: [] }
}

/** When, on the page's clock, the shot on screen started (its last cut). */
export function shotStartedAt(recording: TapRecording): number {
  return recording.origin + recording.cutFrame / recording.fps
}

/**
 * A tap at `now`: the shot on screen lasts until the frame nearest the tap, counted from the
 * recording's start (so rounding to frames never adds up: the cuts stay on the sound), and
 * `nextShotId` comes on there (none: the recording is `done`). Null for a tap within a frame of
 * the last cut (a key repeat, a double tap), which would make a shot shorter than a frame. A
 * shot lasts at most {@link MAX_SHOT_DURATION_SECONDS}, the most a shot may.
 */
export function tapCut(recording: TapRecording, nextShotId: string | null, now: number): { recording: TapRecording; done: boolean } | null {
  const { fps, cutFrame } = recording
  const frames = Math.min(Math.round((now - recording.origin) * fps) - cutFrame, MAX_SHOT_DURATION_SECONDS * fps)
  if (frames < 1) return null
  // To the millisecond, as Fit to dialogue writes it (6.417, not 6.41666…): it reads back as the same frames.
  const timed = [...recording.timed, { shotId: recording.shotId, seconds: Math.round((frames / fps) * 1000) / 1000 }]
  return {
    recording: { ...recording, shotId: nextShotId ?? recording.shotId, cutFrame: cutFrame + frames, timed },
    done: nextShotId === null,
  }
}

/** "Timed 6 shots · 0:42.0": how many shots a recording timed, and how long they run together. */
export function tapSummary(timed: readonly TimedShot[]): string {
  const seconds = timed.reduce((sum, shot) => sum + shot.seconds, 0)
  return `Timed ${timed.length} ${timed.length === 1 ? 'shot' : 'shots'} · ${formatClock(seconds)}`
}
