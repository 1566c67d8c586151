import { useDeviceFlag } from '../../app/useDeviceFlag'

/** Whether this person keeps the strip collapsed: a preference of theirs, kept on this device. */
export function useStripCollapsed(): [boolean, (collapsed: boolean) => void] {
  return useDeviceFlag('storyloom:sequence-strip:collapsed')
}
