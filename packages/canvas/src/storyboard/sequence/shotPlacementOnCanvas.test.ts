import { describe, expect, it } from 'vitest'
import { nextDockSlot, thumbnailSize } from '../references/referenceDocking'
import { NEW_SHOT_GAP, overlaps, positionBeside, positionCentredOn } from './shotPlacementOnCanvas'

const anchor = { x: 100, y: 50, w: 320, h: 300 }
const size = { w: 320, h: 300 }

describe('where an inserted shot lands on the canvas', () => {
  it('goes to the right of the shot it follows, on the same row', () => {
    expect(positionBeside(anchor, 'after', size, [anchor])).toEqual({ x: 100 + 320 + NEW_SHOT_GAP, y: 50 })
  })

  it('goes to the left of the shot it precedes', () => {
    expect(positionBeside(anchor, 'before', size, [anchor])).toEqual({ x: 100 - NEW_SHOT_GAP - 320, y: 50 })
  })

  it('skips along the row past shots already there instead of covering them', () => {
    const next = { x: 460, y: 60, w: 320, h: 300 }
    expect(positionBeside(anchor, 'after', size, [anchor, next])).toEqual({ x: 100 + 2 * (320 + NEW_SHOT_GAP), y: 50 })
  })

  it("with no neighbour (a new scene's first shot), goes mid-view when that spot is free", () => {
    expect(positionCentredOn({ x: 1000, y: 500 }, size, [anchor])).toEqual({ x: 1000 - 160, y: 500 - 150 })
  })

  it('with no neighbour, steps right past the shots mid-view instead of landing on them', () => {
    const inView = { x: 700, y: 300, w: 320, h: 300 }
    const spot = positionCentredOn({ x: 860, y: 450 }, size, [inView])
    expect(spot).toEqual({ x: 700 + 320 + NEW_SHOT_GAP, y: 300 })
  })
})

describe("room for a shot's reference column", () => {
  it('a shot placed after another leaves room for the references pinned beside that one', () => {
    const next = { ...positionBeside(anchor, 'after', size, [anchor]), ...size }
    // The first reference pinned to the anchor, a 16:9 still, in its column.
    const reference = { ...nextDockSlot(anchor, []), ...thumbnailSize(1920, 1080) }
    expect(overlaps(reference, next)).toBe(false)
  })

  it('a shot placed before another keeps its own reference column clear of that one', () => {
    const before = { ...positionBeside(anchor, 'before', size, [anchor]), ...size }
    const reference = { ...nextDockSlot(before, []), ...thumbnailSize(1920, 1080) }
    expect(overlaps(reference, anchor)).toBe(false)
  })
})
