import { describe, expect, it } from 'vitest'
import { MIN_TAG_ZOOM, tagArea, tagIsIn } from './referenceTagLayout'

describe('which reference tags are drawn', () => {
  const viewport = { x: 1000, y: 500, w: 1280, h: 800 }

  it('draws the tags in and near the viewport, not the far ones', () => {
    const area = tagArea(viewport, 1)!
    expect(tagIsIn({ x: 1100, y: 600, w: 96 }, area)).toBe(true)
    // Straddling the viewport's edge: drawn.
    expect(tagIsIn({ x: 2250, y: 1290, w: 96 }, area)).toBe(true)
    expect(tagIsIn({ x: 9000, y: 600, w: 96 }, area)).toBe(false)
    expect(tagIsIn({ x: 1100, y: -5000, w: 96 }, area)).toBe(false)
  })

  it('keeps the same area for small camera moves, so panning rarely re-renders the tags', () => {
    const area = tagArea(viewport, 1)
    expect(tagArea({ ...viewport, x: viewport.x + 7, y: viewport.y - 5 }, 1)).toBe(area)
    expect(tagArea({ ...viewport, x: viewport.x + 5000 }, 1)).not.toBe(area)
  })

  it('draws none when zoomed out too far to read them', () => {
    expect(tagArea(viewport, MIN_TAG_ZOOM - 0.01)).toBeNull()
    expect(tagArea(viewport, MIN_TAG_ZOOM)).not.toBeNull()
  })
})
