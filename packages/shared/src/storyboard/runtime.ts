import type { FrameRate } from './boardSettingsRecord'
import type { Sequence, SequenceShot } from './sequence'

/**
 * Durations and timecodes. A shot lasts a whole number of frames in an animatic or an edit,
 * so timings are computed in frames at the board's frame rate and every shot lasts at least
 * one frame. Timecodes are non-drop-frame (24, 25 and 30 fps are whole rates).
 */

/** A shot's duration in frames: its seconds rounded to the nearest frame, at least one. */
export function secondsToFrames(seconds: number, fps: FrameRate): number {
  return Math.max(1, Math.round(seconds * fps))
}

/** `HH:MM:SS:FF` for a frame count, non-drop-frame at a whole `fps` (an NTSC rate counts at its whole timebase: 30 for 29.97). */
export function framesToTimecode(frames: number, fps: number): string {
  if (!Number.isInteger(frames) || frames < 0) throw new RangeError(`Expected a whole number of frames, got ${frames}`)
  if (!Number.isInteger(fps) || fps <= 0) throw new RangeError(`Expected a whole frame rate, got ${fps}`)
  const ff = frames % fps
  const totalSeconds = (frames - ff) / fps
  const pad = (n: number) => String(n).padStart(2, '0')
  return `${pad(Math.floor(totalSeconds / 3600))}:${pad(Math.floor(totalSeconds / 60) % 60)}:${pad(totalSeconds % 60)}:${pad(ff)}`
}

/** `HH:MM:SS:FF` for a duration in seconds, rounded to the nearest frame. */
export function formatTimecode(seconds: number, fps: FrameRate): string {
  return framesToTimecode(Math.round(seconds * fps), fps)
}

/**
 * A duration as every view shows it (shot panel, strip, totals): `2.5s` under a minute, else
 * `1:05` or `1:02:05`. Like a timecode it counts whole elapsed units and drops the rest, so
 * 152.5 s reads `2:32` beside `00:02:32:12` and never runs ahead of it. Only a duration under a
 * tenth of a second (a frame or two) shows hundredths, so no shot reads `0s`.
 */
export function formatRuntime(seconds: number): string {
  // The nudge keeps float noise (0.1 + 0.2, 2.9999999) from dropping a whole unit.
  const truncated = (value: number, per: number) => Math.floor(value * per + 1e-6) / per
  if (seconds < 60) return `${truncated(seconds, seconds > 0 && seconds < 0.1 ? 100 : 10)}s`
  const whole = truncated(seconds, 1)
  const h = Math.floor(whole / 3600)
  const m = Math.floor(whole / 60) % 60
  const s = String(whole % 60).padStart(2, '0')
  return h > 0 ? `${h}:${String(m).padStart(2, '0')}:${s}` : `${m}:${s}`
}

/** How long something runs, in frames and in the seconds those frames last. */
export interface Runtime {
  readonly frames: number
  readonly seconds: number
}

/** When each shot starts and how long each shot, each scene and the whole board run. */
export interface SequenceTiming {
  readonly fps: FrameRate
  readonly total: Runtime
  /** By scene id; the unassigned shots are under `null`. Scenes without shots run 0 frames. */
  readonly scenes: ReadonlyMap<string | null, Runtime>
  /** By shot id. */
  readonly shots: ReadonlyMap<string, Runtime & { readonly startFrame: number }>
}

/** Timings of a sequence at a frame rate. */
export function sequenceTiming(
  sequence: Sequence<SequenceShot & { readonly duration: number }>,
  fps: FrameRate,
): SequenceTiming {
  const runtime = (frames: number): Runtime => ({ frames, seconds: frames / fps })
  const sceneFrames = new Map<string | null, number>(sequence.scenes.map((s) => [s.id, 0]))
  const shots = new Map<string, Runtime & { startFrame: number }>()
  let startFrame = 0
  for (const entry of sequence.entries) {
    const frames = secondsToFrames(entry.shot.duration, fps)
    shots.set(entry.shot.id, { ...runtime(frames), startFrame })
    const sceneId = entry.scene?.id ?? null
    sceneFrames.set(sceneId, (sceneFrames.get(sceneId) ?? 0) + frames)
    startFrame += frames
  }
  const scenes = new Map([...sceneFrames].map(([id, frames]) => [id, runtime(frames)] as const))
  return { fps, total: runtime(startFrame), scenes, shots }
}
