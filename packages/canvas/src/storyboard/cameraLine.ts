import {
  CAMERA_ANGLES,
  CAMERA_MOVEMENTS,
  SHOT_SIZES,
  entryOf,
  formatLens,
} from '@storyloom/shared/storyboard/vocabulary'
import type { ShotCamera } from '@storyloom/shared/storyboard/shotShape'

/** A shot's camera as a storyboard artist writes it: "MCU · Low angle · 50mm · Dolly in". */
export function cameraLine(camera: ShotCamera): string {
  return [
    entryOf(SHOT_SIZES, camera.shotSize).abbr,
    entryOf(CAMERA_ANGLES, camera.angle).label,
    formatLens(camera.lensMm),
    entryOf(CAMERA_MOVEMENTS, camera.movement).label,
  ]
    .filter(Boolean)
    .join(' · ')
}
