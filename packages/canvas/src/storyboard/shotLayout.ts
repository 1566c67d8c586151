import { aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import type { AspectRatio } from '@storyloom/shared/storyboard/vocabulary'

/**
 * How a shot panel is laid out inside its w × h box: a header (number, title, duration), the
 * frame in the shot's aspect ratio, the camera line with the status chip, then action and
 * dialogue. The frame takes whatever height is left and is fitted (letterboxed) in it.
 */

/** Height of the header row, in page units. */
export const SHOT_HEADER_HEIGHT = 32
/** Height of the camera line under the frame. */
export const SHOT_CAMERA_HEIGHT = 26
/** Height of the action / dialogue block. */
export const SHOT_TEXT_HEIGHT = 64

const CHROME_HEIGHT = SHOT_HEADER_HEIGHT + SHOT_CAMERA_HEIGHT + SHOT_TEXT_HEIGHT

/** The panel height that fits a frame of the full width `w` in `aspect`. */
export function shotPanelHeight(w: number, aspect: AspectRatio): number {
  return Math.round(w / aspectRatioValue(aspect) + CHROME_HEIGHT)
}

/** The frame's size: the largest `aspect` rectangle in the space the panel leaves for it. */
export function shotFrameSize(w: number, h: number, aspect: AspectRatio): { width: number; height: number } {
  const ratio = aspectRatioValue(aspect)
  const available = Math.max(0, h - CHROME_HEIGHT)
  const width = Math.min(w, available * ratio)
  return { width, height: width / ratio }
}

/**
 * Where the frame sits in the panel, in the shot's own coordinates: centred in the band
 * between the header and the camera line, as the panel's CSS lays it out. Sketches inside the
 * shot are clipped to this rectangle.
 */
export function shotFrameRect(
  w: number,
  h: number,
  aspect: AspectRatio,
): { x: number; y: number; width: number; height: number } {
  const { width, height } = shotFrameSize(w, h, aspect)
  const available = Math.max(0, h - CHROME_HEIGHT)
  return { x: (w - width) / 2, y: SHOT_HEADER_HEIGHT + (available - height) / 2, width, height }
}
