import { useDeviceFlag } from '../app/useDeviceFlag'

/** Whether Export video plays the shots' camera moves: on until this person unticks it, then as they left it, on this device. */
export function useCameraMovesChoice(): [boolean, (value: boolean) => void] {
  return useDeviceFlag('storyloom:video-export:camera-moves', true)
}
