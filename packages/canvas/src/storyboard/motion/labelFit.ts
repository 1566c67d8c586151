import type { MotionPoint } from '@storyloom/shared/storyboard/motionShape'
import { overlaps, type PageBox } from '../sequence/shotPlacementOnCanvas'

/**
 * Keeping a motion label inside its frame and off the others: shortened with an ellipsis when
 * the frame is too narrow for it (a 9:16 frame can be about a hundred wide), and a subject
 * path's label moved off the camera-move labels stacked in the frame's top-left corner.
 * Widths are the estimate the label's box is drawn with, so text and box agree.
 */

/** The label box starts this far left of the text's start … */
export const LABEL_PAD_LEFT = 5
/** … reaches this far above its baseline … */
export const LABEL_ASCENT = 13
/** … and is this tall. */
export const LABEL_HEIGHT = 18
/** Kept clear between a label's box and the frame's right edge. */
const RIGHT_MARGIN = 4
/** Between a subject label and the corner labels it steps clear of. */
const CLEARANCE = 3

/** Roughly how wide a label's box is drawn (11px bold caps with letter spacing, and padding). */
export function labelWidth(text: string): number {
  return text.length * 7.6 + 10
}

/**
 * `text`, or its longest start that, with an ellipsis, keeps the box of a label at `x` inside a
 * `frameWidth` frame. Just the ellipsis when nothing more fits.
 */
export function fitLabelText(text: string, x: number, frameWidth: number): string {
  const room = frameWidth - RIGHT_MARGIN - (x - LABEL_PAD_LEFT)
  if (labelWidth(text) <= room) return text
  for (let length = text.length - 1; length > 0; length--) {
    const shortened = `${text.slice(0, length).trimEnd()}…`
    if (labelWidth(shortened) <= room) return shortened
  }
  return '…'
}

/** A label's box in its frame. */
export type LabelBox = PageBox

/** The box of a label `width` wide with its baseline start at `at`. */
export function labelBoxAt(at: MotionPoint, width: number): LabelBox {
  return { x: at.x - LABEL_PAD_LEFT, y: at.y - LABEL_ASCENT, w: width, h: LABEL_HEIGHT }
}

/**
 * Where a label `width` wide that would start at `at` goes so it covers none of `corner` (the
 * camera-move labels stacked in the frame's corner): where it is when clear of them; else just
 * below the stack; else, when the frame (`frameHeight`) is too short for that, beside it.
 */
export function clearOfCornerLabels(
  at: MotionPoint,
  width: number,
  corner: readonly LabelBox[],
  frameHeight: number,
): MotionPoint {
  const covered = corner.filter((box) => overlaps(box, labelBoxAt(at, width)))
  if (covered.length === 0) return at
  const below = Math.max(...corner.map((box) => box.y + box.h)) + CLEARANCE + LABEL_ASCENT
  if (below - LABEL_ASCENT + LABEL_HEIGHT <= frameHeight) return { x: at.x, y: below }
  const beside = Math.max(...corner.map((box) => box.x + box.w)) + CLEARANCE + LABEL_PAD_LEFT
  return { x: beside, y: at.y }
}
