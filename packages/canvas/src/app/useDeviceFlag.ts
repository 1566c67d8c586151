import { useCallback, useState } from 'react'

/**
 * A yes/no preference of this person kept on this device (localStorage under `key`): false until
 * set. Where storage is full or disabled it still holds for the visit.
 */
export function useDeviceFlag(key: string): [boolean, (value: boolean) => void] {
  const [flag, setState] = useState(() => readFlag(key))
  const set = useCallback(
    (value: boolean) => {
      setState(value)
      try {
        localStorage.setItem(key, value ? '1' : '0')
      } catch {
        // Kept for this visit only.
      }
    },
    [key],
  )
  return [flag, set]
}

function readFlag(key: string): boolean {
  try {
    return localStorage.getItem(key) === '1'
  } catch {
    return false
  }
}
