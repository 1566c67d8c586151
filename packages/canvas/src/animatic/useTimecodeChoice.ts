import { useDeviceFlag } from '../app/useDeviceFlag'

/** Whether Export video burns in the timecode: off until this person ticks it, then as they left it, on this device. */
export function useTimecodeChoice(): [boolean, (value: boolean) => void] {
  return useDeviceFlag('storyloom:video-export:timecode')
}
