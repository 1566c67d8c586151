/**
 * When each frame of an animated image (a generated clip) starts, so the animatic can show the
 * frame for a shot-local time instead of letting the image loop on its own clock.
 */
export interface ClipTimeline {
  /** Seconds from the start of the clip at which each frame appears (ascending, the first 0). */
  readonly starts: readonly number[]
  /** Length of the whole clip in seconds. */
  readonly seconds: number
}

/**
 * The timeline of frames shown for `durations` seconds each. The clip encoder merges identical
 * consecutive frames into one longer frame, so durations differ; a frame without a usable
 * duration (0, negative, not a number) lasts no time.
 */
export function clipTimeline(durations: readonly number[]): ClipTimeline {
  const starts: number[] = []
  let t = 0
  for (const duration of durations) {
    starts.push(t)
    if (Number.isFinite(duration) && duration > 0) t += duration
  }
  return { starts, seconds: t }
}

/**
 * The frame to show `seconds` into the shot. Before the start it is the first frame; past the
 * clip's end (a shot made longer after its clip was rendered) it holds the last frame, as an
 * edit does, rather than looping the camera move back to its start.
 */
export function frameAt(timeline: ClipTimeline, seconds: number): number {
  const { starts } = timeline
  if (starts.length === 0) return -1
  if (!(seconds > 0)) return 0
  // The last frame starting at or before `seconds` (binary search: clips hold hundreds of frames).
  let lo = 0
  let hi = starts.length - 1
  while (lo < hi) {
    const mid = (lo + hi + 1) >> 1
    if (starts[mid]! <= seconds) lo = mid
    else hi = mid - 1
  }
  return lo
}
