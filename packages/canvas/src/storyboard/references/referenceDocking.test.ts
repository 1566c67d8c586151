import { describe, expect, it } from 'vitest'
import {
  REFERENCE_COLUMN_GAP,
  REFERENCE_TAG_SPACE,
  REFERENCE_THUMBNAIL_WIDTH,
  followDelta,
  isDockedTo,
  nextDockSlot,
  thumbnailSize,
} from './referenceDocking'

const shot = { x: 100, y: 50, w: 320, h: 300 }

describe('reference docking', () => {
  it('stacks references in a column beside the shot, each leaving room for its role tag', () => {
    const first = nextDockSlot(shot, [])
    expect(first).toEqual({ x: 100 + 320 + REFERENCE_COLUMN_GAP, y: 50 })
    const placed = { ...first, ...thumbnailSize(160, 90) }
    expect(nextDockSlot(shot, [placed])).toEqual({ x: first.x, y: 50 + placed.h + REFERENCE_TAG_SPACE })
    // A reference lying on the panel itself does not push the column down.
    expect(nextDockSlot(shot, [{ x: 150, y: 100, w: 50, h: 50 }])).toEqual(first)
  })

  it('gives thumbnails the column width and the media’s aspect, capping very tall media', () => {
    expect(thumbnailSize(1600, 900)).toEqual({ w: REFERENCE_THUMBNAIL_WIDTH, h: 68 })
    expect(thumbnailSize(100, 1000).h).toBe(REFERENCE_THUMBNAIL_WIDTH * 1.5)
  })

  it('counts a reference as the shot’s own when it is on or beside the shot, not across the board', () => {
    expect(isDockedTo({ ...nextDockSlot(shot, []), w: 120, h: 68 }, shot)).toBe(true)
    expect(isDockedTo({ x: 200, y: 100, w: 40, h: 40 }, shot)).toBe(true)
    expect(isDockedTo({ x: 1200, y: 50, w: 120, h: 68 }, shot)).toBe(false)
  })

  it('keeps column references beside the right edge when the shot moves or is resized', () => {
    const inColumn = { x: 436, y: 50, w: 120, h: 68 }
    const onPanel = { x: 150, y: 100, w: 40, h: 40 }
    const moved = { ...shot, x: 140, y: 20 }
    expect(followDelta(inColumn, shot, moved)).toEqual({ x: 40, y: -30 })
    const wider = { ...shot, w: 400 }
    expect(followDelta(inColumn, shot, wider)).toEqual({ x: 80, y: 0 })
    expect(followDelta(onPanel, shot, wider)).toEqual({ x: 0, y: 0 })
  })
})
