import { describe, expect, it } from 'vitest'
import { commentMarkupSchema, MAX_MARKUP_POINTS, MAX_MARKUP_STROKES, MAX_STROKE_POINTS, type MarkupStroke } from '@storyloom/shared/review/commentMarkup'
import { fromFramePoint, letterboxRect, simplifyStroke, toFramePoint, withoutLastStroke, withStroke, type FramePoint } from './markupGeometry'

describe('the stage frame and its coordinates', () => {
  it('letterboxes a wide frame in a tall box and pillarboxes it in a wide one', () => {
    expect(letterboxRect({ x: 0, y: 0, width: 800, height: 900 }, 16 / 9)).toEqual({ x: 0, y: 225, width: 800, height: 450 })
    expect(letterboxRect({ x: 10, y: 20, width: 1000, height: 450 }, 16 / 9)).toEqual({ x: 110, y: 20, width: 800, height: 450 })
  })

  it('maps a point on screen to the frame (0..1) and back, whatever the bars', () => {
    const frame = letterboxRect({ x: 0, y: 0, width: 800, height: 900 }, 16 / 9)
    expect(toFramePoint(400, 450, frame)).toEqual([0.5, 0.5])
    expect(toFramePoint(200, 225 + 450, frame)).toEqual([0.25, 1])
    expect(fromFramePoint([0.25, 1], frame)).toEqual({ x: 200, y: 675 })
    // The same frame point on a pillarboxed stage of another size is the same place in the picture.
    const other = letterboxRect({ x: 0, y: 0, width: 2000, height: 450 }, 16 / 9)
    expect(fromFramePoint(toFramePoint(200, 675, frame), other)).toEqual({ x: 600 + 200, y: 450 })
  })

  it('holds a stroke run into the bars on the frame edge, and keeps four decimals', () => {
    const frame = { x: 100, y: 50, width: 300, height: 300 }
    expect(toFramePoint(0, 500, frame)).toEqual([0, 1])
    expect(toFramePoint(200, 150, frame)).toEqual([0.3333, 0.3333])
  })
})

describe('simplifying a stroke', () => {
  it('keeps the corners of a drawn line and drops points along its straight parts and repeats', () => {
    const line: FramePoint[] = [...Array.from({ length: 50 }, (_, i): FramePoint => [i / 100, 0.2]), [0.49, 0.2], ...Array.from({ length: 50 }, (_, i): FramePoint => [0.5, 0.2 + i / 100])]
    expect(simplifyStroke(line)).toEqual([[0, 0.2], [0.5, 0.2], [0.5, 0.69]])
  })

  it('brings a long scribble within the points a stroke may have, still valid for the server', () => {
    // A spiral of 16 turns, as a pen that scribbles over a prop for a while.
    const scribble = Array.from({ length: 5000 }, (_, i): FramePoint => {
      const r = 0.05 + (0.4 * i) / 5000
      return [Number((0.5 + r * Math.sin(i / 50)).toFixed(4)), Number((0.5 + r * Math.cos(i / 50)).toFixed(4))]
    })
    const kept = simplifyStroke(scribble, 16 / 9)
    expect(kept.length).toBeLessThanOrEqual(MAX_STROKE_POINTS)
    expect(kept.length).toBeGreaterThan(MAX_STROKE_POINTS / 2) // coarser only as much as it must be
    expect(commentMarkupSchema.safeParse({ strokes: [{ color: 'red', points: kept }] }).success).toBe(true)
  })

  it('keeps a dot (one point) as one point', () => {
    expect(simplifyStroke([[0.3, 0.3], [0.3, 0.3]])).toEqual([[0.3, 0.3]])
  })
})

describe('a drawing within bounds', () => {
  const stroke = (n: number): MarkupStroke => ({ color: 'red', points: Array.from({ length: n }, (_, i): [number, number] => [i / n, 0.5]) })

  it('adds strokes until the server would refuse, and says why', () => {
    let markup = undefined
    for (let i = 0; i < MAX_MARKUP_STROKES; i++) {
      const next = withStroke(markup, stroke(2))
      if (!('markup' in next)) throw new Error('refused too early')
      markup = next.markup
    }
    expect(withStroke(markup, stroke(2))).toEqual({ refused: 'too-many-strokes' })
    const whole = Math.floor(MAX_MARKUP_POINTS / MAX_STROKE_POINTS)
    const full = { strokes: [...Array.from({ length: whole }, () => stroke(MAX_STROKE_POINTS)), stroke(MAX_MARKUP_POINTS - whole * MAX_STROKE_POINTS)] }
    expect(withStroke(full, stroke(1))).toEqual({ refused: 'too-many-points' })
  })

  it('undoes the last stroke, and is nothing once the last is gone', () => {
    expect(withoutLastStroke({ strokes: [stroke(2), stroke(3)] })).toEqual({ strokes: [stroke(2)] })
    expect(withoutLastStroke({ strokes: [stroke(2)] })).toBeUndefined()
  })
})
