import { useCallback, useState } from 'react'

const KEY = 'storyloom:sequence-strip:collapsed'

/** Whether this person keeps the strip collapsed: a preference of theirs, kept on this device. */
export function useStripCollapsed(): [boolean, (collapsed: boolean) => void] {
  const [collapsed, setState] = useState(() => readPreference())
  const set = useCallback((value: boolean) => {
    setState(value)
    try {
      localStorage.setItem(KEY, value ? '1' : '0')
    } catch {
      // Storage can be full or disabled; the strip still collapses for this session.
    }
  }, [])
  return [collapsed, set]
}

function readPreference(): boolean {
  try {
    return localStorage.getItem(KEY) === '1'
  } catch {
    return false
  }
}
