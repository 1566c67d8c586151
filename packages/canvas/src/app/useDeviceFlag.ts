import { useCallback, useState } from 'react'
import { keepDeviceSetting, readDeviceFlag } from './deviceSetting'

/**
 * A yes/no preference of this person kept on this device (localStorage under `key`): `unset`
 * (false by default) until set. Where storage is full or disabled it still holds for the visit.
 */
export function useDeviceFlag(key: string, unset = false): [boolean, (value: boolean) => void] {
  const [flag, setState] = useState(() => readDeviceFlag(key, unset))
  const set = useCallback(
    (value: boolean) => {
      setState(value)
      keepDeviceSetting(key, value ? '1' : '0')
    },
    [key],
  )
  return [flag, set]
}
