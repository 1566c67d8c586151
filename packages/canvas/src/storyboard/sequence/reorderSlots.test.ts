import { describe, expect, it } from 'vitest'
import { readingRows, slotsAfterReorder, type ShotBox } from './reorderSlots'

const shot = (id: string, x: number, y: number, w = 320, h = 240): ShotBox => ({ id, x, y, w, h })

describe('readingRows', () => {
  it('reads rows top to bottom and each left to right, a shot a little higher or lower on its row', () => {
    const rows = readingRows([shot('d', 0, 400), shot('b', 500, 10), shot('a', 0, 0), shot('c', 1000, -20)])
    expect(rows.map((row) => row.map((s) => s.id))).toEqual([['a', 'b', 'c'], ['d']])
  })
})

describe('slotsAfterReorder', () => {
  const row = [shot('a', 0, 0), shot('b', 500, 0), shot('c', 1000, 0), shot('d', 1500, 0)]

  it('shots of one width swap places; the others stay', () => {
    const moves = slotsAfterReorder(row, ['a', 'c', 'b', 'd'])
    expect(Object.fromEntries(moves!)).toEqual({ c: { x: 500, y: 0 }, b: { x: 1000, y: 0 } })
  })

  it('the last shot moved to the front pushes the others one slot along', () => {
    const moves = slotsAfterReorder(row, ['d', 'a', 'b', 'c'])
    expect(Object.fromEntries(moves!)).toEqual({ d: { x: 0, y: 0 }, a: { x: 500, y: 0 }, b: { x: 1000, y: 0 }, c: { x: 1500, y: 0 } })
  })

  it('keeps the gaps of the row when widths differ, so the row ends where it did', () => {
    const mixed = [shot('a', 0, 0, 600), shot('b', 700, 0, 300), shot('c', 1100, 0, 300)]
    const moves = slotsAfterReorder(mixed, ['b', 'a', 'c'])
    expect(Object.fromEntries(moves!)).toEqual({ b: { x: 0, y: 0 }, a: { x: 400, y: 0 } })
  })

  it('runs through wrapped rows in reading order (a scene arranged four to a row)', () => {
    const grid = [...row, shot('e', 0, 400), shot('f', 500, 400)]
    const moves = slotsAfterReorder(grid, ['a', 'b', 'c', 'e', 'd', 'f'])
    expect(Object.fromEntries(moves!)).toEqual({ e: { x: 1500, y: 0 }, d: { x: 0, y: 400 } })
  })

  it('leaves the canvas alone (null) when it did not read in the old order', () => {
    const byHand = [shot('a', 0, 0), shot('b', 1000, 0), shot('c', 500, 0)]
    expect(slotsAfterReorder(byHand, ['b', 'a', 'c'])).toBeNull()
  })

  it('is null when the new order has a shot that was not there', () => {
    expect(slotsAfterReorder(row, ['a', 'b', 'c', 'x'])).toBeNull()
  })
})
