/**
 * Where a shot inserted into the sequence lands on the canvas: next to the shot it was
 * inserted after (to its right) or before (to its left), on the same row, at the first spot
 * that does not cover another shot — so "new shot after" reads naturally on the board too.
 * A new scene's first shot starts a row of its own below the previous scene, so by default
 * the board reads one row per scene.
 */

import { REFERENCE_COLUMN_GAP, REFERENCE_THUMBNAIL_WIDTH } from '../references/referenceDocking'

/** A rectangle in page units. */
export interface PageBox {
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/**
 * Space left between shots in a row, in page units: a shot's reference column (pinned
 * references sit beside its right edge) and a margin, so pinning references to a shot never
 * covers the next one's header and frame. Arranging a scene uses the same gap.
 */
export const NEW_SHOT_GAP = REFERENCE_COLUMN_GAP + REFERENCE_THUMBNAIL_WIDTH + 24

/**
 * Space between one scene's row and the next scene's, in page units: twice the space between
 * the wrapped rows of one arranged scene (`arrangeShots`), so scenes read apart.
 */
export const SCENE_ROW_GAP = 160

/** How many shot-widths along the row to look for a free spot before giving up on the row. */
const MAX_STEPS = 50

/**
 * The top-left of a `size` shot placed beside `anchor` (`side` after: to the right; before:
 * to the left), stepping further along the row while the spot overlaps any of `occupied`.
 */
export function positionBeside(
  anchor: PageBox,
  side: 'before' | 'after',
  size: { readonly w: number; readonly h: number },
  occupied: readonly PageBox[],
): { x: number; y: number } {
  const start = side === 'after' ? anchor.x + anchor.w + NEW_SHOT_GAP : anchor.x - NEW_SHOT_GAP - size.w
  return firstFreeAlongRow({ x: start, y: anchor.y }, side === 'after' ? 1 : -1, size, occupied)
}

/**
 * The top-left that centres a `size` shot on `center` (a shot with no neighbour in the
 * sequence yet, e.g. a new scene's first), or the first free spot to the right of there when
 * that would cover another shot.
 */
export function positionCentredOn(
  center: { readonly x: number; readonly y: number },
  size: { readonly w: number; readonly h: number },
  occupied: readonly PageBox[] = [],
): { x: number; y: number } {
  return firstFreeAlongRow({ x: center.x - size.w / 2, y: center.y - size.h / 2 }, 1, size, occupied)
}

/**
 * The top-left of a `size` shot starting a new row: at `left`, `SCENE_ROW_GAP` below the lowest
 * of `above` (the previous scene's shots, wherever the user put them), and further down, below
 * whatever is there, while the spot (with a clear gap above and below) would cover any of
 * `occupied`.
 */
export function positionStartingRow(
  above: readonly PageBox[],
  left: number,
  size: { readonly w: number; readonly h: number },
  occupied: readonly PageBox[],
): { x: number; y: number } {
  let y = Math.max(...above.map((box) => box.y + box.h)) + SCENE_ROW_GAP
  for (let i = 0; i < MAX_STEPS; i++) {
    const margin = SCENE_ROW_GAP / 2
    const candidate = { x: left, y: y - margin, w: size.w, h: size.h + 2 * margin }
    const covered = occupied.filter((box) => overlaps(box, candidate))
    if (covered.length === 0) break
    y = Math.max(...covered.map((box) => box.y + box.h)) + SCENE_ROW_GAP
  }
  return { x: left, y }
}

/** From `start`, steps a shot-width and a gap at a time in `direction` until the spot is free. */
function firstFreeAlongRow(
  start: { readonly x: number; readonly y: number },
  direction: 1 | -1,
  size: { readonly w: number; readonly h: number },
  occupied: readonly PageBox[],
): { x: number; y: number } {
  const step = direction * (size.w + NEW_SHOT_GAP)
  for (let i = 0; i < MAX_STEPS; i++) {
    const candidate = { x: start.x + i * step, y: start.y, w: size.w, h: size.h }
    if (!occupied.some((box) => overlaps(box, candidate))) return { x: candidate.x, y: candidate.y }
  }
  // A row full for 50 shots: stack on the first spot rather than search forever.
  return { x: start.x, y: start.y }
}

/** Whether two boxes share any area (touching edges do not count). */
export function overlaps(a: PageBox, b: PageBox): boolean {
  return a.x < b.x + b.w && b.x < a.x + a.w && a.y < b.y + b.h && b.y < a.y + a.h
}
