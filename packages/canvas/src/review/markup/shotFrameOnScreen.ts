import type { AspectRatio } from '@storyloom/shared/storyboard/vocabulary'
import { shotFrameRect } from '../../storyboard/shotLayout'
import type { FramePoint } from './markupGeometry'

/** A shot as the page has it: its corner and turn on the page (its page transform's), and its size. */
export type PlacedShot = { x: number; y: number; rotation: number; w: number; h: number; aspect: AspectRatio }
/** tldraw's camera: the page point at the viewport's corner is (-x, -y); `z` is the zoom. */
export type CameraAt = { x: number; y: number; z: number }
/** A box in the viewport (CSS pixels from the canvas's corner), turned by `rotation` (radians) about its corner. */
export type TurnedBox = { x: number; y: number; width: number; height: number; rotation: number }

/**
 * Where a shot's frame is in the viewport: the box a drawing in frame coordinates (0..1) is
 * stretched over. The frame is the panel's (shotLayout), not the picture's: a reframed picture
 * moves under its frame, and the drawing stays on the frame, as the reviewer drew it.
 */
export function shotFrameOnScreen(shot: PlacedShot, camera: CameraAt): TurnedBox {
  const frame = shotFrameRect(shot.w, shot.h, shot.aspect)
  const cos = Math.cos(shot.rotation)
  const sin = Math.sin(shot.rotation)
  const pageX = shot.x + frame.x * cos - frame.y * sin
  const pageY = shot.y + frame.x * sin + frame.y * cos
  return {
    x: (pageX + camera.x) * camera.z,
    y: (pageY + camera.y) * camera.z,
    width: frame.width * camera.z,
    height: frame.height * camera.z,
    rotation: shot.rotation,
  }
}

/** Where a frame point is in the viewport, over the frame's `box`. */
export function framePointOnScreen([u, v]: FramePoint, box: TurnedBox): { x: number; y: number } {
  const dx = u * box.width
  const dy = v * box.height
  const cos = Math.cos(box.rotation)
  const sin = Math.sin(box.rotation)
  return { x: box.x + dx * cos - dy * sin, y: box.y + dx * sin + dy * cos }
}
