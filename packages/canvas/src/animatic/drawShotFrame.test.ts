import { describe, expect, it } from 'vitest'
import { presentationShot } from '../presentation/testing/presentationShot'
import { transitionBlend } from '../presentation/shotTransition'
import { drawShotFrame, type FramePicture } from './drawShotFrame'

/** A 2D context that records which picture is drawn, at what opacity and inside which clip. */
function recordingContext(width: number, height: number) {
  const drawn: { image: unknown; alpha: number; clipWidth: number | null }[] = []
  const saved: { globalAlpha: number; clipWidth: number | null }[] = []
  let pendingRect: number | null = null
  const ctx = {
    canvas: { width, height },
    globalAlpha: 1,
    clipWidth: null as number | null,
    fillStyle: '',
    font: '',
    textAlign: '',
    textBaseline: '',
    fillRect() {},
    fillText() {},
    measureText: () => ({ width: 10 }),
    save() {
      saved.push({ globalAlpha: ctx.globalAlpha, clipWidth: ctx.clipWidth })
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
    drawImage(image: unknown) {
      drawn.push({ image, alpha: ctx.globalAlpha, clipWidth: ctx.clipWidth })
    },
  }
  return { ctx: ctx as unknown as CanvasRenderingContext2D, drawn }
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
})
