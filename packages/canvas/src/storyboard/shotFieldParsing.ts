import { MAX_LENS_MM, MAX_SHOT_DURATION_SECONDS, MAX_TRANSITION_SECONDS } from '@storyloom/shared/storyboard/limits'

/**
 * What the inspector makes of typed numbers: a value the shot validators accept, or a
 * message saying why not. Nothing impossible is ever written to the board.
 */
export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string }

/** A duration typed in seconds: more than 0, at most an hour. */
export function parseDuration(text: string): Parsed<number> {
  const trimmed = text.trim()
  if (trimmed === '') return { ok: false, message: 'Enter a duration in seconds.' }
  const seconds = Number(trimmed)
  if (!Number.isFinite(seconds)) return { ok: false, message: 'Duration must be a number of seconds.' }
  if (seconds <= 0) return { ok: false, message: 'Duration must be more than 0 seconds.' }
  if (seconds > MAX_SHOT_DURATION_SECONDS) {
    return { ok: false, message: `Duration can be at most ${MAX_SHOT_DURATION_SECONDS} seconds.` }
  }
  return { ok: true, value: seconds }
}

/** A lens typed in mm; empty means "not set". */
export function parseLens(text: string): Parsed<number | null> {
  const trimmed = text.trim().replace(/\s*mm$/i, '')
  if (trimmed === '') return { ok: true, value: null }
  const mm = Number(trimmed)
  if (!Number.isFinite(mm)) return { ok: false, message: 'Lens must be a focal length in mm, e.g. 50.' }
  if (mm <= 0) return { ok: false, message: 'Lens must be more than 0 mm.' }
  if (mm > MAX_LENS_MM) return { ok: false, message: `Lens can be at most ${MAX_LENS_MM} mm.` }
  return { ok: true, value: mm }
}

/**
 * A transition length typed in frames at the board's `fps` ("12", "12f"), as editors count a
 * dissolve, or in seconds with an "s" ("0.5s", made whole frames); empty means the usual length.
 */
export function parseTransitionFrames(text: string, fps: number): Parsed<number | null> {
  const trimmed = text.trim().toLowerCase()
  if (trimmed === '') return { ok: true, value: null }
  const inSeconds = /^(\d+(?:\.\d+)?|\.\d+)\s*s(?:ec(?:onds?)?)?$/.exec(trimmed)
  const inFrames = /^(\d+)\s*(?:f|fr|frames?)?$/.exec(trimmed)
  if (!inSeconds && !inFrames) return { ok: false, message: 'Length must be a whole number of frames, or seconds such as 0.5s.' }
  const frames = inSeconds ? Math.round(Number(inSeconds[1]) * fps) : Number(inFrames![1])
  if (frames < 1) return { ok: false, message: 'Length must be at least 1 frame.' }
  const most = Math.floor(MAX_TRANSITION_SECONDS * fps)
  if (frames > most) return { ok: false, message: `Length can be at most ${most} frames (${MAX_TRANSITION_SECONDS} s).` }
  return { ok: true, value: frames }
}
