import { useEffect, useState } from 'react'
import { loadSoundtrackPeaks, MAX_WAVEFORM_SECONDS } from './loadSoundtrackPeaks'
import type { SoundtrackPeaks } from './soundtrackPeaks'

/**
 * The waveform of the soundtrack at `url` (null: none yet, none at all, or too long to decode —
 * `duration` is its length as the board has it). Loaded in an effect, after Present has painted;
 * a new URL (Replace, Remove, another board) or unmounting aborts the load under way.
 */
export function useSoundtrackPeaks(url: string | null, duration: number): SoundtrackPeaks | null {
  const [state, setState] = useState<{ url: string; peaks: SoundtrackPeaks | null } | null>(null)
  const wanted = url !== null && duration <= MAX_WAVEFORM_SECONDS ? url : null
  useEffect(() => {
    if (wanted === null) return
    const abort = new AbortController()
    loadSoundtrackPeaks(wanted, abort.signal).then(
      (peaks) => setState({ url: wanted, peaks }),
      () => {}, // aborted, or the file unreachable: no waveform
    )
    return () => abort.abort()
  }, [wanted])
  // Another file's peaks never show under this one, while it loads.
  return state !== null && state.url === wanted ? state.peaks : null
}
