import { describe, expect, it } from 'vitest'
import { presentationShot } from '../presentation/testing/presentationShot'
import { transitionBlend } from '../presentation/shotTransition'
import { cameraFramingAt } from '../presentation/cameraMotion'
import { drawShotFrame, type FramePicture } from './drawShotFrame'

/** An affine transform [a, b, c, d, e, f], as a 2D context keeps it. */
type Matrix = readonly [number, number, number, number, number, number]
const times = ([a, b, c, d, e, f]: Matrix, [A, B, C, D, E, F]: Matrix): Matrix => [a * A + c * B, b * A + d * B, a * C + c * D, b * C + d * D, a * E + c * F + e, b * E + d * F + f]

/** A 2D context that records which picture is drawn, at what opacity, inside which clip, and where its centre lands on the canvas. */
function recordingContext(width: number, height: number) {
  const drawn: { image: unknown; alpha: number; clipWidth: number | null }[] = []
  const centres: { x: number; y: number }[] = []
  const rects: { x: number; y: number; width: number; height: number }[] = []
  const saved: { globalAlpha: number; clipWidth: number | null; matrix: Matrix }[] = []
  let pendingRect: number | null = null
  const ctx = {
    canvas: { width, height },
    globalAlpha: 1,
    clipWidth: null as number | null,
    matrix: [1, 0, 0, 1, 0, 0] as Matrix,
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect(x: number, y: number, width: number, height: number) {
      rects.push({ x, y, width, height })
    },
    fillText() {},
    measureText: () => ({ width: 10 }),
    save() {
      saved.push({ globalAlpha: ctx.globalAlpha, clipWidth: ctx.clipWidth, matrix: ctx.matrix })
    },
    translate(x: number, y: number) {
      ctx.matrix = times(ctx.matrix, [1, 0, 0, 1, x, y])
    },
    rotate(r: number) {
      ctx.matrix = times(ctx.matrix, [Math.cos(r), Math.sin(r), -Math.sin(r), Math.cos(r), 0, 0])
    },
    scale(x: number, y: number) {
      ctx.matrix = times(ctx.matrix, [x, 0, 0, y, 0, 0])
    },
    restore() {
      Object.assign(ctx, saved.pop())
    },
    beginPath() {},
    rect(_x: number, _y: number, w: number) {
      pendingRect = w
    },
    clip() {
      ctx.clipWidth = pendingRect
    },
    drawImage(image: unknown, ...at: number[]) {
      drawn.push({ image, alpha: ctx.globalAlpha, clipWidth: ctx.clipWidth })
      // The destination rectangle: the last four numbers (or two, with the picture's own size).
      const [x, y, w, h] = at.length === 8 ? at.slice(4) : at
      const [a, b, c, d, e, f] = ctx.matrix
      const [cx, cy] = [x! + w! / 2, y! + h! / 2]
      centres.push({ x: a * cx + c * cy + e, y: b * cx + d * cy + f })
    },
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn, centres, rects }
}

const picture = (name: string): FramePicture => ({ kind: 'media', frame: { image: name as unknown as CanvasImageSource, width: 160, height: 90 } })
const before = { ...presentationShot('1', 0, 3), transitionIn: 'cut' as const }
const after = { ...presentationShot('2', 3, 3), transitionIn: 'dissolve' as const }

describe('drawShotFrame', () => {
  it('draws a shot alone, at full opacity, outside a transition', () => {
    const { ctx, drawn } = recordingContext(1280, 720)
    drawShotFrame(ctx, after, picture('boat'), false)
    expect(drawn).toEqual([{ image: 'boat', alpha: 1, clipWidth: null }])
  })

  it('keeps a dialogue of several lines inside the title-safe area: its plate ends where a one-line caption’s does, the lines above', () => {
    const plate = (dialogue: string) => {
      const { ctx, rects } = recordingContext(1280, 720)
      drawShotFrame(ctx, { ...before, dialogue }, picture('boat'), true)
      // The dialogue's plate is the last thing filled.
      return rects.at(-1)!
    }
    const one = plate('MAYA: We made it.')
    const four = plate('MAYA: We made it.\nTOM: Just.\nMAYA: Look.\nTOM: The light.')
    // Title safe: the middle 90% of the frame, 5% in from each edge (36 px of 720).
    expect(one.y + one.height).toBeLessThanOrEqual(720 * 0.95)
    expect(four.height).toBeGreaterThan(2 * one.height)
    expect(four.y + four.height).toBeCloseTo(one.y + one.height, 6)
  })

  it('draws a dissolve as the outgoing picture, then the incoming one over it at the blend’s opacity', () => {
    const { ctx, drawn } = recordingContext(1280, 720)
    const blend = transitionBlend('dissolve', 3, 0.25)!
    drawShotFrame(ctx, after, picture('boat'), false, { outgoing: { shot: before, picture: picture('gulls') }, blend })
    expect(drawn.map(({ image, alpha }) => [image, alpha])).toEqual([
      ['gulls', 1],
      ['boat', 0.5],
    ])
    expect(ctx.globalAlpha, 'captions after it are drawn opaque').toBe(1)
  })

  it('draws a wipe with the incoming picture clipped to the part the edge has crossed, from the left', () => {
    const { ctx, drawn } = recordingContext(1280, 720)
    drawShotFrame(ctx, after, picture('boat'), false, { outgoing: { shot: before, picture: picture('gulls') }, blend: transitionBlend('wipe', 3, 0.125)! })
    expect(drawn.at(-1)).toEqual({ image: 'boat', alpha: 1, clipWidth: 320 })
  })

  it('draws a panning shot’s picture moved in its frame, against the pan, from its first frame to its last', () => {
    const panning = { ...presentationShot('3', 0, 4), moves: [{ kind: 'pan' as const, direction: 0, speed: 0.5 }] }
    const centreAt = (offset: number | null) => {
      const { ctx, centres, drawn } = recordingContext(1280, 720)
      const framing = offset === null ? null : cameraFramingAt(panning, offset, 16 / 9)
      drawShotFrame(ctx, panning, { kind: 'media', frame: picture('harbour')!.frame, framing }, false)
      expect(drawn.map((d) => d.clipWidth), 'clipped to its frame').toEqual([offset === null ? null : 1280])
      return centres[0]!
    }
    expect(centreAt(null)).toEqual({ x: 640, y: 360 })
    const [first, last] = [centreAt(0), centreAt(4)]
    // The view travels right: the picture slides left, level.
    expect(first.x).toBeGreaterThan(640)
    expect(last.x).toBeLessThan(640)
    expect(first.y).toBeCloseTo(360)
    expect(last.y).toBeCloseTo(360)
  })
})

describe('drawShotFrame and Reframe', () => {
  /** The source rectangle (in the picture's pixels) and destination of the one picture drawn. */
  function drawnPart(pictureFraming: { zoom: number; x: number; y: number } | null) {
    const calls: number[][] = []
    const ctx = { canvas: { width: 1280, height: 720 }, fillRect() {}, save() {}, restore() {}, drawImage: (_image: unknown, ...at: number[]) => calls.push(at) }
    const shot = { ...presentationShot('1', 0, 3), pictureFraming }
    drawShotFrame(ctx as unknown as CanvasRenderingContext2D, shot, { kind: 'media', frame: { image: 'wide' as unknown as CanvasImageSource, width: 3200, height: 900 } }, false)
    return calls[0]!.map((n) => Math.round(n) + 0)
  }

  it('draws a shot with no framing cropped from the centre, as before', () => {
    // A 32:9 picture in a 16:9 frame: its middle half.
    expect(drawnPart(null)).toEqual([800, 0, 1600, 900, 0, 0, 1280, 720])
  })

  it('draws the part of the picture a reframed shot chose', () => {
    // Twice as close, at the picture's right and bottom edges: its bottom right quarter of the centre crop's size.
    expect(drawnPart({ zoom: 2, x: 1, y: 1 })).toEqual([2400, 450, 800, 450, 0, 0, 1280, 720])
    expect(drawnPart({ zoom: 1, x: 0, y: 0.5 })).toEqual([0, 0, 1600, 900, 0, 0, 1280, 720])
  })
})
