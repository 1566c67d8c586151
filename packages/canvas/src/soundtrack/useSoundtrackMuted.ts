import { useDeviceFlag } from '../app/useDeviceFlag'

/** Whether this person mutes soundtracks in Present: a preference of theirs, kept on this device. */
export function useSoundtrackMuted(): [boolean, (muted: boolean) => void] {
  return useDeviceFlag('storyloom:soundtrack:muted')
}
