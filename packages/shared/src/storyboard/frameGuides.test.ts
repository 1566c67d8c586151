import { describe, expect, it } from 'vitest'
import { frameGuideGeometry } from './frameGuides'

const linesOf = (role: string, geometry: ReturnType<typeof frameGuideGeometry>) => geometry.lines.filter((l) => l.role === role)

describe('frameGuideGeometry', () => {
  it('draws nothing for None', () => {
    expect(frameGuideGeometry(320, 180, 'none')).toEqual({ lines: [], rects: [] })
  })

  it('splits a 16:9 frame in thirds both ways, edge to edge', () => {
    const thirds = linesOf('third', frameGuideGeometry(300, 180, 'thirds'))
    expect(thirds).toHaveLength(4)
    expect(thirds).toEqual(
      expect.arrayContaining([
        { role: 'third', x1: 100, y1: 0, x2: 100, y2: 180 },
        { role: 'third', x1: 200, y1: 0, x2: 200, y2: 180 },
        { role: 'third', x1: 0, y1: 60, x2: 300, y2: 60 },
        { role: 'third', x1: 0, y1: 120, x2: 300, y2: 120 },
      ]),
    )
    expect(frameGuideGeometry(300, 180, 'thirds').rects).toEqual([])
  })

  it('follows the frame, not a square: a 2.39:1 frame gets wide thirds', () => {
    const thirds = linesOf('third', frameGuideGeometry(478, 200, 'thirds'))
    const vertical = thirds.filter((l) => l.x1 === l.x2).map((l) => l.x1)
    const horizontal = thirds.filter((l) => l.y1 === l.y2).map((l) => l.y1)
    expect(vertical.map((x) => x / 478)).toEqual([1 / 3, 2 / 3].map((f) => expect.closeTo(f, 9)))
    expect(horizontal.map((y) => y / 200)).toEqual([1 / 3, 2 / 3].map((f) => expect.closeTo(f, 9)))
  })

  it('insets action-safe to 90 % and title-safe to 80 % of the frame, centred', () => {
    const { rects } = frameGuideGeometry(400, 300, 'safe')
    const near = (r: Record<string, number | string>) =>
      Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'number' ? expect.closeTo(v, 9) : v]))
    expect(rects).toEqual([
      near({ role: 'action-safe', x: 20, y: 15, width: 360, height: 270 }),
      near({ role: 'title-safe', x: 40, y: 30, width: 320, height: 240 }),
    ])
    expect(linesOf('third', frameGuideGeometry(400, 300, 'safe'))).toEqual([])
  })

  it('draws thirds and safe areas together', () => {
    const both = frameGuideGeometry(400, 300, 'thirds-safe')
    expect(linesOf('third', both)).toHaveLength(4)
    expect(both.rects.map((r) => r.role)).toEqual(['action-safe', 'title-safe'])
  })

  it('puts a centre cross with square arms on the frame\'s centre with any guides', () => {
    for (const kind of ['thirds', 'safe', 'thirds-safe'] as const) {
      const cross = linesOf('centre', frameGuideGeometry(400, 100, kind))
      expect(cross).toHaveLength(2)
      const [across, down] = cross
      expect(across!.y1).toBe(50)
      expect((across!.x1 + across!.x2) / 2).toBe(200)
      expect((down!.y1 + down!.y2) / 2).toBe(50)
      expect(down!.x1).toBe(200)
      expect(across!.x2 - across!.x1).toBeCloseTo(down!.y2 - down!.y1, 9)
      expect(across!.x2 - across!.x1).toBeLessThan(100)
    }
  })

  it('draws nothing over a frame with no area', () => {
    for (const [w, h] of [
      [0, 100],
      [100, 0],
      [-5, 100],
      [Number.NaN, 100],
      [Number.POSITIVE_INFINITY, 100],
    ] as const) {
      expect(frameGuideGeometry(w, h, 'thirds-safe')).toEqual({ lines: [], rects: [] })
    }
  })
})
