import { useDeviceFlag } from '../app/useDeviceFlag'

/** Whether this person has Present's frame guides on: a preference of theirs, kept on this device. */
export function useStageGuidesShown(): [boolean, (shown: boolean) => void] {
  return useDeviceFlag('storyloom:present:guides')
}
