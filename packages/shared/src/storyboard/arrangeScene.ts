/**
 * "Arrange scene on canvas": lays shots out in reading order in rows, like a storyboard page.
 * Columns line up (each as wide as its widest shot) and rows line up (each as tall as its
 * tallest shot), so shots of different sizes still read as a grid.
 */

/** Shots in one canvas row of a scene an import makes (a screenplay's, a folder of frames) before it wraps. */
export const IMPORT_SHOTS_PER_ROW = 6

/** A shot as layout sees it. */
export interface LayoutShot {
  readonly id: string
  readonly x: number
  readonly y: number
  readonly w: number
  readonly h: number
}

/** How to lay shots out. */
export interface ArrangeOptions {
  /** Top-left of the first shot. Defaults to the top-left of the shots' current bounds. */
  readonly origin?: { readonly x: number; readonly y: number }
  /** Shots per row before wrapping. Default 4. */
  readonly perRow?: number
  /** Space between columns, in page units. Default 40. */
  readonly gapX?: number
  /** Space between rows, in page units (room for captions). Default 80. */
  readonly gapY?: number
}

/** A shot's new position. */
export interface ShotPosition {
  readonly id: string
  readonly x: number
  readonly y: number
}

/** New positions for `shots`, given in reading order. */
export function arrangeShots(shots: readonly LayoutShot[], options: ArrangeOptions = {}): ShotPosition[] {
  const { perRow = 4, gapX = 40, gapY = 80 } = options
  if (!Number.isInteger(perRow) || perRow < 1) throw new RangeError(`Shots per row must be a whole number of at least 1, got ${perRow}`)
  if (!(gapX >= 0) || !(gapY >= 0)) throw new RangeError('Gaps between shots cannot be negative')
  if (shots.length === 0) return []
  const origin = options.origin ?? {
    x: Math.min(...shots.map((s) => s.x)),
    y: Math.min(...shots.map((s) => s.y)),
  }

  const columnWidths: number[] = []
  const rowHeights: number[] = []
  shots.forEach((shot, i) => {
    const col = i % perRow
    const row = Math.floor(i / perRow)
    columnWidths[col] = Math.max(columnWidths[col] ?? 0, shot.w)
    rowHeights[row] = Math.max(rowHeights[row] ?? 0, shot.h)
  })
  const offsets = (sizes: number[], gap: number) => {
    const out: number[] = []
    let at = 0
    for (const size of sizes) {
      out.push(at)
      at += size + gap
    }
    return out
  }
  const columnX = offsets(columnWidths, gapX)
  const rowY = offsets(rowHeights, gapY)
  return shots.map((shot, i) => ({
    id: shot.id,
    x: origin.x + columnX[i % perRow]!,
    y: origin.y + rowY[Math.floor(i / perRow)]!,
  }))
}
