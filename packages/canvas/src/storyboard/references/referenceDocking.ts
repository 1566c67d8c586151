/**
 * Where a shot keeps its references on the canvas: a column of thumbnails right beside the
 * panel, each with its role tag under it. Pure geometry, so the drop handler, the binding util
 * (which moves docked references with their shot) and the role tags agree on one layout.
 */

/** An axis-aligned rectangle in page coordinates. */
export interface Rect {
  x: number
  y: number
  w: number
  h: number
}

/** Gap between a shot's right edge and its reference column. */
export const REFERENCE_COLUMN_GAP = 16
/** Width of a docked reference thumbnail, in page units. */
export const REFERENCE_THUMBNAIL_WIDTH = 120
/** Room under each thumbnail for its role tag. */
export const REFERENCE_TAG_SPACE = 30
/**
 * How far outside a shot a reference may sit and still count as the shot's own: it follows the
 * shot when the shot moves. Further away, a reference is a board-level item that only points
 * at the shot.
 */
export const DOCK_REACH = REFERENCE_COLUMN_GAP + REFERENCE_THUMBNAIL_WIDTH / 2

/** The thumbnail size for media of `w` × `h`: the column's width, the media's aspect ratio. */
export function thumbnailSize(w: number, h: number): { w: number; h: number } {
  const ratio = w > 0 && h > 0 ? h / w : 9 / 16
  // Very tall media would make a column no one can read; cap at a portrait 2:3.
  return { w: REFERENCE_THUMBNAIL_WIDTH, h: Math.round(REFERENCE_THUMBNAIL_WIDTH * Math.min(ratio, 1.5)) }
}

/** True if `reference` sits on the shot or in its reference column, so it moves with it. */
export function isDockedTo(reference: Rect, shot: Rect): boolean {
  const reach = DOCK_REACH
  return (
    reference.x < shot.x + shot.w + reach &&
    reference.x + reference.w > shot.x - reach &&
    reference.y < shot.y + shot.h + reach &&
    reference.y + reference.h > shot.y - reach
  )
}

/** True if `reference` is in the column to the right of the shot rather than on the panel. */
export function isBesideRightEdge(reference: Rect, shot: Rect): boolean {
  return reference.x >= shot.x + shot.w - 1
}

/**
 * Where the next reference goes in a shot's column: under the lowest one already docked there
 * (leaving room for its tag), or level with the shot's top.
 */
export function nextDockSlot(shot: Rect, docked: readonly Rect[]): { x: number; y: number } {
  const x = shot.x + shot.w + REFERENCE_COLUMN_GAP
  const column = docked.filter((r) => isBesideRightEdge(r, shot))
  const bottom = column.reduce((lowest, r) => Math.max(lowest, r.y + r.h + REFERENCE_TAG_SPACE), shot.y)
  return { x, y: bottom }
}

/**
 * How far a docked reference moves when its shot goes from `before` to `after`: with the right
 * edge if it sits in the column (so it stays beside a shot that is resized), else with the
 * shot's top-left corner.
 */
export function followDelta(reference: Rect, before: Rect, after: Rect): { x: number; y: number } {
  const x = isBesideRightEdge(reference, before) ? after.x + after.w - (before.x + before.w) : after.x - before.x
  return { x, y: after.y - before.y }
}
