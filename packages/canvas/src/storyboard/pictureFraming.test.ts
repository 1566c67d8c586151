import { describe, expect, it } from 'vitest'
import { MAX_PICTURE_ZOOM } from '@storyloom/shared/storyboard/limits'
import { framedPictureRect, framedSourceRect, panFraming, pictureFramingCss, zoomFramingAt, type Rect, type Size } from './pictureFraming'

const wide: Size = { width: 1600, height: 900 }
const portrait: Size = { width: 900, height: 1600 }
const frame: Size = { width: 478, height: 200 } // 2.39:1

/** The frame is covered: no edge of the picture shows inside it. */
function covers(rect: Rect, box: Size): boolean {
  const eps = 1e-9
  return rect.x <= eps && rect.y <= eps && rect.x + rect.width >= box.width - eps && rect.y + rect.height >= box.height - eps
}

/** Where a browser draws a picture with `object-fit: cover` in a `box`, given pictureFramingCss's object position and transform (origin: the box's centre). */
function cssDrawnRect(picture: Size, box: Size, css: { objectPosition?: string; transform?: string }): Rect {
  const [px, py] = (css.objectPosition ?? '50% 50%').split(' ').map((p) => parseFloat(p) / 100) as [number, number]
  const scale = Math.max(box.width / picture.width, box.height / picture.height)
  const w = picture.width * scale
  const h = picture.height * scale
  let corners = [
    { x: px * (box.width - w), y: py * (box.height - h) },
    { x: px * (box.width - w) + w, y: py * (box.height - h) + h },
  ]
  // CSS applies the last function first, each about the origin (the box's centre).
  const steps = [...(css.transform ?? '').matchAll(/(translate|scale)\(([^)]*)\)/g)].reverse()
  for (const [, fn, args] of steps) {
    const values = args!.split(',').map((a) => parseFloat(a))
    corners = corners.map(({ x, y }) => {
      const cx = x - box.width / 2
      const cy = y - box.height / 2
      if (fn === 'scale') return { x: cx * values[0]! + box.width / 2, y: cy * values[0]! + box.height / 2 }
      return { x: x + (values[0]! / 100) * box.width, y: y + (values[1]! / 100) * box.height }
    })
  }
  return { x: corners[0]!.x, y: corners[0]!.y, width: corners[1]!.x - corners[0]!.x, height: corners[1]!.y - corners[0]!.y }
}

describe('framedPictureRect', () => {
  it('draws no framing exactly as today: just covering, from the centre', () => {
    // Today's crop (drawShotFrame's coverSource): the widest 2.39:1 part of the picture, centred.
    const cropHeight = 1600 / 2.39
    const source = framedSourceRect(wide, frame, null)
    expect([source.x, source.y, source.width, source.height].map((n) => n.toFixed(9))).toEqual([0, (900 - cropHeight) / 2, 1600, cropHeight].map((n) => n.toFixed(9)))
    expect(framedPictureRect(wide, frame, { zoom: 1, x: 0.5, y: 0.5 })).toEqual(framedPictureRect(wide, frame, null))
    expect(pictureFramingCss(null)).toEqual({})
    expect(pictureFramingCss({ zoom: 1, x: 0.5, y: 0.5 })).toEqual({})
  })

  it('shows the chosen part of the picture: zoomed in at its top left, twice as close', () => {
    const source = framedSourceRect(wide, frame, { zoom: 2, x: 0, y: 0 })
    expect(source).toEqual({ x: 0, y: 0, width: 800, height: expect.closeTo(800 / 2.39, 9) })
    const bottomRight = framedSourceRect(wide, frame, { zoom: 2, x: 1, y: 1 })
    expect(bottomRight.x + bottomRight.width).toBeCloseTo(1600, 9)
    expect(bottomRight.y + bottomRight.height).toBeCloseTo(900, 9)
  })

  it('always covers the frame, whatever the picture, zoom and focus (even values the board would refuse)', () => {
    for (const picture of [wide, portrait, { width: 200, height: 200 }]) {
      for (const zoom of [1, 1.3, 2, MAX_PICTURE_ZOOM, 99, -5, Number.NaN]) {
        for (const f of [0, 0.2, 0.5, 1, -3, 7, Number.NaN]) {
          expect(covers(framedPictureRect(picture, frame, { zoom, x: f, y: 1 - f }), frame)).toBe(true)
        }
      }
    }
  })

  it('draws in CSS exactly what it computes, so the canvas, Present and the export agree', () => {
    for (const picture of [wide, portrait]) {
      for (const framing of [{ zoom: 1, x: 0, y: 1 }, { zoom: 2.5, x: 0.2, y: 0.9 }, { zoom: 4, x: 1, y: 0 }, { zoom: 1.7, x: 0.5, y: 0.5 }]) {
        const css = cssDrawnRect(picture, frame, pictureFramingCss(framing))
        const rect = framedPictureRect(picture, frame, framing)
        for (const key of ['x', 'y', 'width', 'height'] as const) expect(css[key]).toBeCloseTo(rect[key], 1)
      }
    }
  })
})

describe('panFraming and zoomFramingAt', () => {
  it('moves the picture with a drag, and stops at its edge', () => {
    const zoomed = { zoom: 2, x: 0.5, y: 0.5 }
    const before = framedPictureRect(wide, frame, zoomed)
    const moved = panFraming(wide, frame, zoomed, { x: 30, y: -10 })
    const after = framedPictureRect(wide, frame, moved)
    expect(after.x - before.x).toBeCloseTo(30, 9)
    expect(after.y - before.y).toBeCloseTo(-10, 9)
    expect(panFraming(wide, frame, zoomed, { x: 1e6, y: -1e6 })).toEqual({ zoom: 2, x: 0, y: 1 })
    // At zoom 1 a wide picture in a wide frame has no spare height: it only slides sideways.
    expect(panFraming(wide, { width: 160, height: 90 }, null, { x: 50, y: 50 })).toEqual({ zoom: 1, x: 0.5, y: 0.5 })
  })

  it('zooms around the pointer: the picture point under it stays under it', () => {
    const at = { x: 100, y: 40 }
    const before = framedPictureRect(wide, frame, null)
    const pointOnPicture = { u: (at.x - before.x) / before.width, v: (at.y - before.y) / before.height }
    const zoomed = zoomFramingAt(wide, frame, null, 2, at)
    const after = framedPictureRect(wide, frame, zoomed)
    expect(zoomed.zoom).toBe(2)
    expect(after.x + pointOnPicture.u * after.width).toBeCloseTo(at.x, 9)
    expect(after.y + pointOnPicture.v * after.height).toBeCloseTo(at.y, 9)
    expect(zoomFramingAt(wide, frame, zoomed, 40, at).zoom).toBe(MAX_PICTURE_ZOOM)
    expect(zoomFramingAt(wide, frame, zoomed, 0.1, at)).toMatchObject({ zoom: 1, y: 0.5 })
  })
})
