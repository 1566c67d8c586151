import { describe, expect, it } from 'vitest'
import { arrangeShots } from './arrangeScene'

const shot = (id: string, w = 320, h = 180, x = 0, y = 0) => ({ id, x, y, w, h })

describe('arrange scene on canvas', () => {
  it('lays shots out in reading order, wrapping after N per row', () => {
    const shots = ['a', 'b', 'c', 'd', 'e'].map((id) => shot(id))
    expect(arrangeShots(shots, { origin: { x: 100, y: 50 }, perRow: 2, gapX: 40, gapY: 80 })).toEqual([
      { id: 'a', x: 100, y: 50 },
      { id: 'b', x: 460, y: 50 },
      { id: 'c', x: 100, y: 310 },
      { id: 'd', x: 460, y: 310 },
      { id: 'e', x: 100, y: 570 },
    ])
  })

  it('keeps columns and rows aligned when shots differ in size', () => {
    const shots = [shot('wide', 400, 170), shot('square', 200, 200), shot('tall', 100, 180)]
    expect(arrangeShots(shots, { origin: { x: 0, y: 0 }, perRow: 2, gapX: 10, gapY: 20 })).toEqual([
      { id: 'wide', x: 0, y: 0 },
      { id: 'square', x: 410, y: 0 },
      { id: 'tall', x: 0, y: 220 },
    ])
  })

  it('arranges in place by default, from the top-left of the shots', () => {
    const shots = [shot('a', 320, 180, 500, 900), shot('b', 320, 180, 200, 1200)]
    expect(arrangeShots(shots)[0]).toEqual({ id: 'a', x: 200, y: 900 })
    expect(arrangeShots(shots)[1]).toEqual({ id: 'b', x: 560, y: 900 })
  })

  it('refuses nonsense options and handles an empty scene', () => {
    expect(arrangeShots([])).toEqual([])
    expect(() => arrangeShots([shot('a')], { perRow: 0 })).toThrow(RangeError)
    expect(() => arrangeShots([shot('a')], { perRow: 2.5 })).toThrow(RangeError)
    expect(() => arrangeShots([shot('a')], { gapX: -1 })).toThrow(RangeError)
  })
})
