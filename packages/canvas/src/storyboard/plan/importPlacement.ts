import { Box } from 'tldraw'
import { NEW_SHOT_GAP, overlaps } from '../sequence/shotPlacementOnCanvas'
import type { PageBox } from '../sequence/shotPlacementOnCanvas'

/**
 * Where the new shots of an imported plan land: at their positions from the plan when that
 * spot is free (an empty board, or a plan laid out clear of what is there), otherwise moved
 * together, keeping their layout, to just below everything already on the page.
 */

/** Space between the board's content and a block of imported shots moved below it. */
export const IMPORT_GAP = NEW_SHOT_GAP * 2

/** The smallest box holding every box (tldraw's `Box.Common`), or undefined for none. */
export function boundsOf(boxes: readonly PageBox[]): PageBox | undefined {
  return boxes.length === 0 ? undefined : Box.Common(boxes.map((box) => Box.From(box)))
}

/**
 * How far to move the new shots (`fresh`, at their plan positions) so that, as one block,
 * they cover nothing in `occupied`: no move when the block's area is already clear, else to
 * the left edge of the occupied content and `IMPORT_GAP` below its bottom.
 */
export function offsetForImportedShots(fresh: readonly PageBox[], occupied: readonly PageBox[]): { dx: number; dy: number } {
  const block = boundsOf(fresh)
  const content = boundsOf(occupied)
  if (!block || !content || !occupied.some((box) => overlaps(box, block))) return { dx: 0, dy: 0 }
  return { dx: content.x - block.x, dy: content.y + content.h + IMPORT_GAP - block.y }
}
