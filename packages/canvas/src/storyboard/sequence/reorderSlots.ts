import type { PageBox } from './shotPlacementOnCanvas'

/** A shot's box on the canvas, with its id. */
export interface ShotBox extends PageBox {
  readonly id: string
}

/** Whether `shot` sits on the row that `first` starts: its top within half the smaller height of `first`'s. */
export function onRowOf(first: PageBox, shot: PageBox): boolean {
  return Math.abs(shot.y - first.y) < Math.min(shot.h, first.h) / 2
}

/**
 * Shots as the canvas reads: in rows, top to bottom (taken from the top down, a shot joins the
 * first row whose top shot it is at about the height of, else starts a row), each row left to
 * right.
 */
export function readingRows<T extends PageBox>(shots: readonly T[]): T[][] {
  const rows: T[][] = []
  for (const shot of [...shots].sort((a, b) => a.y - b.y || a.x - b.x)) {
    const row = rows.find((r) => onRowOf(r[0]!, shot))
    if (row) row.push(shot)
    else rows.push([shot])
  }
  return rows.map((row) => row.sort((a, b) => a.x - b.x))
}

/**
 * Where a scene's shots go on the canvas when the scene is reordered, as cards re-pinned on a
 * board: the shots keep the scene's slots (its rows and the gaps between shots) and take them
 * in the new order. Only when the canvas read in the old order (`before`, the scene's shots in
 * sequence order before the reorder): otherwise the user laid the scene out their own way and
 * the answer is null. A row's first slot stays where it is; each next shot follows the one
 * now before it by the gap that was there, so shots of one width simply swap places.
 *
 * `after` is the same shots' ids in the new order — or some of them, when others left the scene:
 * those left take the first slots, so the row closes up behind the ones that went. Returns the
 * new top-left of every shot that moves.
 */
export function slotsAfterReorder(before: readonly ShotBox[], after: readonly string[]): Map<string, { x: number; y: number }> | null {
  const byId = new Map(before.map((shot) => [shot.id, shot]))
  if (after.length > before.length || !after.every((id) => byId.has(id))) return null
  const rows = readingRows(before)
  if (rows.flat().some((shot, i) => shot !== before[i])) return null

  const moves = new Map<string, { x: number; y: number }>()
  const incoming = after.map((id) => byId.get(id)!)
  let previousWidth = 0
  for (const row of rows) {
    let x = row[0]!.x
    row.forEach((slot, i) => {
      const shot = incoming.shift()
      if (!shot) return
      // After the first slot: the shot now before this one, then the gap the row had here.
      if (i > 0) x = x + previousWidth + (slot.x - row[i - 1]!.x - row[i - 1]!.w)
      previousWidth = shot.w
      if (shot.x !== x || shot.y !== slot.y) moves.set(shot.id, { x, y: slot.y })
    })
  }
  return moves
}
