import { useCallback, useState } from 'react'

const KEY = 'storyloom:soundtrack:muted'

/** Whether this person mutes soundtracks in Present: a preference of theirs, kept on this device. */
export function useSoundtrackMuted(): [boolean, (muted: boolean) => void] {
  const [muted, setState] = useState(readPreference)
  const set = useCallback((value: boolean) => {
    setState(value)
    try {
      localStorage.setItem(KEY, value ? '1' : '0')
    } catch {
      // Storage can be full or disabled; the sound is still muted for this visit.
    }
  }, [])
  return [muted, set]
}

function readPreference(): boolean {
  try {
    return localStorage.getItem(KEY) === '1'
  } catch {
    return false
  }
}
