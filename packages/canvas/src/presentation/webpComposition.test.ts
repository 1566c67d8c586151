import { describe, expect, it } from 'vitest'
import { animatedWebp, decodeStill, referenceFrames, type Rgba } from './testing/animatedWebpFixture'
import { keyFrames, paintFrame, paintPlan, type Surface } from './webpComposition'
import { parseAnimatedWebp, stillWebp, type AnimatedWebp } from './webpContainer'

/** A canvas in memory, RGBA without premultiplication, blending as libwebp's decoder does. */
function rgbaSurface(width: number, height: number): Surface<Rgba> & { pixels: Rgba } {
  const data = new Uint8Array(width * height * 4)
  return {
    pixels: { width, height, data },
    clear(x, y, w, h) {
      for (let row = y; row < y + h; row++) data.fill(0, (row * width + x) * 4, (row * width + x + w) * 4)
    },
    draw(image, x, y) {
      for (let row = 0; row < image.height; row++) {
        for (let col = 0; col < image.width; col++) {
          const s = (row * image.width + col) * 4
          const d = ((y + row) * width + x + col) * 4
          const sa = image.data[s + 3]! / 255
          const da = (data[d + 3]! / 255) * (1 - sa)
          const a = sa + da
          for (let c = 0; c < 3; c++) data[d + c] = a === 0 ? 0 : Math.round((image.data[s + c]! * sa + data[d + c]! * da) / a)
          data[d + 3] = Math.round(a * 255)
        }
      }
    },
  }
}

/** The largest difference of one channel between two pictures, comparing colour only where visible. */
function maxDifference(a: Rgba, b: Rgba): number {
  let max = 0
  for (let i = 0; i < a.data.length; i += 4) {
    const alpha = Math.abs(a.data[i + 3]! - b.data[i + 3]!)
    const visible = Math.min(a.data[i + 3]!, b.data[i + 3]!) > 0
    const colour = visible ? Math.max(...[0, 1, 2].map((c) => Math.abs(a.data[i + c]! - b.data[i + c]!))) : 0
    max = Math.max(max, alpha, colour)
  }
  return max
}

/** Shows frame `index` on `surface`, which shows `shown`, as the player does; returns the frame now shown. */
function show(anim: AnimatedWebp, images: Rgba[], surface: Surface<Rgba>, shown: number, index: number): number {
  const { reset, from } = paintPlan(keyFrames(anim), shown, index)
  if (reset) surface.clear(0, 0, anim.width, anim.height)
  for (let i = from; i <= index; i++) paintFrame(anim, i, surface, images[i]!)
  return index
}

describe('composing an animated WebP from its rebuilt still frames', () => {
  for (const [alpha, lossless] of [
    [false, false],
    [true, false],
    [true, true],
  ] as const) {
    it(`matches libwebp’s own frames for a ${alpha ? 'transparent' : 'opaque'} ${lossless ? 'lossless' : 'lossy'} animation, played forward, jumped back and scrubbed`, async () => {
      const bytes = await animatedWebp({ width: 64, height: 48, frames: 8, alpha, lossless })
      const anim = parseAnimatedWebp(bytes)!
      const images = await Promise.all(anim.frames.map((f) => decodeStill(stillWebp(f))))
      const reference = await referenceFrames(bytes)
      expect(reference).toHaveLength(anim.frames.length)
      const surface = rgbaSurface(anim.width, anim.height)
      let shown = -1
      // Forward one by one (playing), then back to the start, a jump ahead, back by one and the end.
      for (const index of [0, 1, 2, 3, 4, 5, 6, 7, 0, 5, 4, 7, 2, 6]) {
        shown = show(anim, images, surface, shown, index)
        expect(maxDifference(surface.pixels, reference[index]!), `frame ${index}`).toBeLessThanOrEqual(2)
      }
    })
  }
})

describe('keyFrames and paintPlan', () => {
  const frame = (x: number, width: number, blend: boolean, hasAlpha: boolean, disposeToBackground = false) => ({
    x, y: 0, width, height: 10, duration: 0.1, blend, hasAlpha, disposeToBackground, alph: null, bitstream: new Uint8Array(),
  })
  const anim: AnimatedWebp = {
    width: 20,
    height: 10,
    frames: [
      frame(0, 20, true, true),
      frame(4, 8, true, true), // a patch: depends on frame 0
      frame(0, 20, true, false), // opaque and full: hides everything
      frame(0, 20, true, true, true), // translucent over frame 2, then cleared
      frame(2, 4, true, true), // on a cleared canvas
      frame(0, 20, false, true), // replaces the whole canvas
    ],
  }

  it('finds the frames that do not depend on earlier ones', () => {
    expect(keyFrames(anim)).toEqual([true, false, true, false, true, true])
  })

  it('goes on from the frame shown when the wanted one is ahead and no key frame is between', () => {
    const keys = keyFrames(anim)
    expect(paintPlan(keys, -1, 1)).toEqual({ reset: true, from: 0 })
    expect(paintPlan(keys, 0, 1)).toEqual({ reset: false, from: 1 })
    expect(paintPlan(keys, 2, 3)).toEqual({ reset: false, from: 3 })
    expect(paintPlan(keys, 3, 3)).toEqual({ reset: false, from: 4 }) // nothing to paint
    expect(paintPlan(keys, 1, 3)).toEqual({ reset: true, from: 2 }) // a key frame on the way
    expect(paintPlan(keys, 3, 1)).toEqual({ reset: true, from: 0 }) // back
  })
})
