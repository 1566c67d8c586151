import { soundtrackTimeAt, type SoundtrackTiming } from '../soundtrack/soundtrackSync'
import type { RangeSegment } from './exportRange'

/** A stretch of the soundtrack file put into the exported audio. */
export interface SoundtrackPart {
  /** Where it plays in the export (seconds from its start). */
  readonly at: number
  /** Where it starts in the file. */
  readonly from: number
  readonly seconds: number
}

/**
 * What of the soundtrack an export of `segments` (exportRange) plays: each segment hears what
 * plays under it on the whole board's timeline (the file from Starts at + the segment's start on
 * the board, as Present plays it), so the sound stays in sync with its shots. A segment that starts
 * after the file has run out has no part.
 */
export function soundtrackParts(soundtrack: SoundtrackTiming, segments: readonly RangeSegment[]): SoundtrackPart[] {
  return segments.flatMap((segment) => {
    const from = soundtrackTimeAt(soundtrack, segment.boardStartSeconds)
    return from === null ? [] : [{ at: segment.startSeconds, from, seconds: segment.seconds }]
  })
}
