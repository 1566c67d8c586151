import type { SoundtrackPeaks } from './soundtrackPeaks'
import { soundtrackTimeAt, type SoundtrackTiming } from './soundtrackSync'

/**
 * The soundtrack's loudness under each of `columns` equal columns of the animatic's timeline
 * (`animaticSeconds` long), as the animatic plays it: the column at animatic time t shows the file
 * from soundtrackTimeAt(t) — the very mapping the audio element is kept on — so Starts at shifts
 * it, a file shorter than the animatic leaves the columns after its end flat, and one longer is
 * cut at the animatic's end. Each column is the loudest bucket it spans.
 */
export function waveformColumns(peaks: SoundtrackPeaks, timing: SoundtrackTiming, animaticSeconds: number, columns: number): Float32Array {
  const out = new Float32Array(columns)
  if (!(animaticSeconds > 0)) return out
  const perColumn = animaticSeconds / columns
  for (let column = 0; column < columns; column++) {
    const from = soundtrackTimeAt(timing, column * perColumn)
    // The file has run out: it stays silent to the animatic's end.
    if (from === null) break
    const to = Math.min(from + perColumn, timing.duration)
    const first = Math.floor(from * peaks.perSecond)
    const last = Math.min(peaks.values.length, Math.max(first + 1, Math.ceil(to * peaks.perSecond)))
    let peak = 0
    for (let bucket = first; bucket < last; bucket++) peak = Math.max(peak, peaks.values[bucket]!)
    out[column] = peak
  }
  return out
}
