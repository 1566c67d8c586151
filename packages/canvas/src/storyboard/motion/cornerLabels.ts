import type { Editor, TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE, type TLAnnotationBinding } from '@storyloom/shared/storyboard/annotationBinding'
import type { MotionPoint } from '@storyloom/shared/storyboard/motionShape'
import type { TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import { LABEL_ASCENT, LABEL_HEIGHT } from './labelFit'
import { CORNER_LABEL } from './motionArt'
import { byDrawingOrder } from './motionAnnotationsByShot'

/**
 * Where a camera move's label goes when its shot has several: the moves' labels stack down the
 * frame's top-left corner (second below the first, …), in the order the moves were drawn, and
 * go on in a second column when the frame is too short for them all — so every label reads and
 * none leaves the frame.
 */

/** Baseline to baseline of two stacked labels: a label's height and a small gap. */
const LABEL_STEP = LABEL_HEIGHT + 3
/** Kept clear at the frame's bottom edge. */
const BOTTOM_MARGIN = 4
/** Between two columns of labels. */
const COLUMN_GAP = 6

/** The baseline of the label in `slot` (0: the corner) of a `frameHeight` frame, columns `columnWidth` wide. */
export function stackedLabelPosition(slot: number, frameHeight: number, columnWidth: number): MotionPoint {
  const room = frameHeight - BOTTOM_MARGIN - (CORNER_LABEL.y - LABEL_ASCENT + LABEL_HEIGHT)
  const rows = Math.max(1, Math.floor(room / LABEL_STEP) + 1)
  return {
    x: CORNER_LABEL.x + Math.floor(slot / rows) * (columnWidth + COLUMN_GAP),
    y: CORNER_LABEL.y + (slot % rows) * LABEL_STEP,
  }
}

/**
 * The annotations on the shot that `motion` annotates (just `motion` when it is on none), in
 * drawing order (z-order, then id so every client agrees). Reads the store, so labels move as
 * annotations are added, deleted or reordered.
 */
export function shotAnnotations(editor: Editor, motion: TLMotionShape): TLMotionShape[] {
  const binding = editor.getBindingsFromShape<TLAnnotationBinding>(motion.id, ANNOTATION_BINDING_TYPE)[0]
  if (!binding) return [motion]
  return editor
    .getBindingsToShape<TLAnnotationBinding>(binding.toId as TLShapeId, ANNOTATION_BINDING_TYPE)
    .map((b) => editor.getShape<TLMotionShape>(b.fromId))
    .filter((m): m is TLMotionShape => m !== undefined)
    .sort(byDrawingOrder)
}
