import { describe, expect, it } from 'vitest'
import { defaultMotionProps, MOTION_KIND_IDS, type MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import { motionArt } from './motionArt'

const frame = (props: Partial<MotionShapeProps>): MotionShapeProps => ({ ...defaultMotionProps(), w: 320, h: 180, ...props })
const tip = (props: Partial<MotionShapeProps>) => motionArt(frame(props)).strokes[1]![1]!

describe('motion art', () => {
  it('points a camera move’s arrowhead the way it goes', () => {
    expect(tip({ kind: 'truck-right', direction: 0 }).x).toBeGreaterThan(160)
    expect(tip({ kind: 'truck-left', direction: 180 }).x).toBeLessThan(160)
    expect(tip({ kind: 'crane-up', direction: 270 }).y).toBeLessThan(90)
  })

  it('draws zoom arrows into the frame for a zoom in and out of it for a zoom out', () => {
    const centre = { x: 160, y: 90 }
    const distance = (p: { x: number; y: number }) => Math.hypot(p.x - centre.x, p.y - centre.y)
    const inTips = motionArt(frame({ kind: 'zoom-in' })).strokes.filter((_, i) => i % 2 === 1).map((head) => head[1]!)
    const outTips = motionArt(frame({ kind: 'zoom-out' })).strokes.filter((_, i) => i % 2 === 1).map((head) => head[1]!)
    expect(inTips).toHaveLength(4)
    for (let i = 0; i < 4; i++) expect(distance(inTips[i]!)).toBeLessThan(distance(outTips[i]!))
  })

  it('draws a subject along its path in frame coordinates, and stronger moves bolder', () => {
    const path = [
      { x: 0.1, y: 0.8 },
      { x: 0.5, y: 0.5 },
      { x: 0.9, y: 0.2 },
    ]
    const art = motionArt(frame({ kind: 'subject', path }))
    expect(art.strokes[0]![0]).toEqual({ x: 32, y: 144 })
    expect(art.strokes[0]!.at(-1)).toEqual({ x: 288, y: 36 })
    expect(motionArt(frame({ strength: 1 })).width).toBeGreaterThan(motionArt(frame({ strength: 0 })).width)
  })

  it('draws every kind inside a frame-sized box', () => {
    for (const kind of MOTION_KIND_IDS) {
      for (const direction of [0, 90, 180, 270]) {
        const art = motionArt(frame({ kind, direction }))
        for (const line of [...art.strokes, ...art.guides]) {
          expect(line.length).toBeGreaterThanOrEqual(2)
          for (const p of line) {
            expect(p.x).toBeGreaterThan(-40)
            expect(p.x).toBeLessThan(360)
            expect(p.y).toBeGreaterThan(-40)
            expect(p.y).toBeLessThan(220)
          }
        }
      }
    }
  })
})

describe('speed lines', () => {
  const unit = (p: { x: number; y: number }) => {
    const l = Math.hypot(p.x, p.y)
    return { x: p.x / l, y: p.y / l }
  }
  const cross = (a: { x: number; y: number }, b: { x: number; y: number }) => a.x * b.y - a.y * b.x

  // A medium move has one speed line: behind the shaft's tail and in line with it. On a bowed pan
  // it was drawn along the chord, a dash below where the curve sets off.
  it.each(['pan', 'tilt', 'whip-pan', 'steadicam', 'truck-right'] as const)('continue the tail of a %s, along the way it sets off', (kind) => {
    for (const direction of [0, 90, 200]) {
      const art = motionArt(frame({ kind, direction, speed: 0.5 }))
      const shaft = art.strokes[0]!
      const tail = unit({ x: shaft[0]!.x - shaft[1]!.x, y: shaft[0]!.y - shaft[1]!.y })
      const lines = art.strokes.slice(2)
      expect(lines.length).toBeGreaterThan(0)
      const middle = lines[Math.floor(lines.length / 2)]!
      for (const line of lines) {
        // Parallel to the tail, and pointing away from the shaft.
        const along = unit({ x: line[1]!.x - line[0]!.x, y: line[1]!.y - line[0]!.y })
        expect(cross(along, tail)).toBeCloseTo(0, 3)
        expect(along.x * tail.x + along.y * tail.y).toBeGreaterThan(0.99)
      }
      if (lines.length % 2 === 1) {
        // The middle one on the tail's own line, as the shaft drawn on.
        expect(cross({ x: middle[0]!.x - shaft[0]!.x, y: middle[0]!.y - shaft[0]!.y }, tail)).toBeCloseTo(0, 3)
      }
    }
  })

  it('tilted along a bowed move, stay inside the frame as straight ones do', () => {
    for (const direction of [0, 90, 180, 270]) {
      const art = motionArt(frame({ kind: 'whip-pan', direction, strength: 1 }))
      for (const p of art.strokes.slice(2).flat()) {
        expect(Math.min(p.x, p.y, 320 - p.x, 180 - p.y)).toBeGreaterThanOrEqual(art.width / 2)
      }
    }
  })
})
