import { describe, expect, it } from 'vitest'
import { animatedWebp, decodeStill } from './testing/animatedWebpFixture'
import { parseAnimatedWebp, stillWebp } from './webpContainer'

/** A RIFF chunk: FourCC, little-endian size, payload, a pad byte when the size is odd. */
function chunk(fourCC: string, payload: number[]): number[] {
  const size = payload.length
  const bytes = [...fourCC].map((c) => c.charCodeAt(0))
  return [...bytes, size & 255, (size >> 8) & 255, (size >> 16) & 255, size >>> 24, ...payload, ...(size & 1 ? [0] : [])]
}

/** A lossless bitstream's header declaring `width`×`height`, then (fake) image data. */
function vp8l(width: number, height: number, data: number[]): number[] {
  const bits = (width - 1) | ((height - 1) << 14)
  return chunk('VP8L', [0x2f, bits & 255, (bits >> 8) & 255, (bits >> 16) & 255, bits >>> 24, ...data])
}

/** An animation frame's chunk (64×36 at 0,0): `ms` duration, `flags`, then a (fake) lossless image. */
function frame(ms: number, data: number[] = [1, 2, 3], flags = 0, image = vp8l(64, 36, data)): number[] {
  return chunk('ANMF', [0, 0, 0, 0, 0, 0, 63, 0, 0, 35, 0, 0, ms & 255, (ms >> 8) & 255, (ms >> 16) & 255, flags, ...image])
}

function webp(...chunks: number[][]): Uint8Array {
  const body = [...'WEBP'].map((c) => c.charCodeAt(0)).concat(...chunks)
  return new Uint8Array(chunk('RIFF', body))
}

const header = chunk('VP8X', [2, 0, 0, 0, 63, 0, 0, 35, 0, 0])
const loop = chunk('ANIM', [0, 0, 0, 0, 0, 0])
const durations = (bytes: Uint8Array) => parseAnimatedWebp(bytes)?.frames.map((f) => f.duration) ?? null

describe('parseAnimatedWebp', () => {
  it('reads each frame’s duration in order, past odd-sized (padded) frames and other chunks', () => {
    const bytes = webp(header, loop, frame(167, [1, 2, 3]), frame(83, [4, 5]), chunk('EXIF', [9]), frame(70_000))
    expect(parseAnimatedWebp(bytes)).toMatchObject({ width: 64, height: 36 })
    expect(durations(bytes)).toEqual([0.167, 0.083, 70])
  })

  it('reads a WebP inside a larger buffer (a view with an offset)', () => {
    const bytes = webp(header, loop, frame(40), frame(40, [7], 3))
    const padded = new Uint8Array(bytes.length + 7)
    padded.set(bytes, 5)
    const anim = parseAnimatedWebp(padded.subarray(5, 5 + bytes.length))!
    expect(anim.frames.map((f) => [f.duration, f.blend, f.disposeToBackground])).toEqual([
      [0.04, true, false],
      [0.04, false, true],
    ])
    expect([...anim.frames[1]!.bitstream]).toEqual(vp8l(64, 36, [7]).slice(0, 14))
  })

  it('is null for a still WebP, another format, or a frame cut short, without an image or outside the canvas', () => {
    expect(parseAnimatedWebp(webp(chunk('VP8 ', [1, 2, 3, 4])))).toBeNull()
    expect(parseAnimatedWebp(new TextEncoder().encode('\x89PNG\r\n\x1a\n...'))).toBeNull()
    expect(parseAnimatedWebp(webp(header, chunk('ANMF', [0, 0, 0])))).toBeNull()
    const cut = webp(header, frame(40))
    expect(parseAnimatedWebp(cut.subarray(0, cut.length - 8))).toBeNull()
    expect(parseAnimatedWebp(webp(header, chunk('ANMF', [0, 0, 0, 0, 0, 0, 63, 0, 0, 35, 0, 0, 40, 0, 0, 0, ...chunk('EXIF', [1])])))).toBeNull()
    // 2,2 + 64×36 does not fit a 64×36 canvas.
    expect(parseAnimatedWebp(webp(header, chunk('ANMF', [1, 0, 0, 1, 0, 0, 63, 0, 0, 35, 0, 0, 40, 0, 0, 0, ...vp8l(64, 36, [1])])))).toBeNull()
    // A bitstream larger than its frame (a decoder would allocate for the bitstream's size).
    expect(parseAnimatedWebp(webp(header, loop, frame(40), frame(40, [], 0, vp8l(16384, 16384, [1]))))).toBeNull()
    expect(parseAnimatedWebp(webp(header, loop, frame(40), frame(40, [], 0, chunk('VP8 ', [0, 0, 0, 0x9d, 1, 0x2a, 64, 0, 36, 0]))))?.frames).toHaveLength(2)
    expect(parseAnimatedWebp(webp(header, loop, frame(40), frame(40, [], 0, chunk('VP8 ', [0, 0, 0, 0x9d, 1, 0x2a, 255, 63, 255, 63]))))).toBeNull()
  })

  it('refuses a file asking for more frames or a larger canvas than the limits', () => {
    const bytes = webp(header, loop, frame(40), frame(40), frame(40))
    expect(parseAnimatedWebp(bytes, { maxFrames: 2, maxSide: 4096, maxArea: 4096 ** 2 })).toBeNull()
    expect(parseAnimatedWebp(bytes, { maxFrames: 3, maxSide: 63, maxArea: 4096 ** 2 })).toBeNull()
    expect(parseAnimatedWebp(bytes, { maxFrames: 3, maxSide: 64, maxArea: 64 * 36 - 1 })).toBeNull()
    expect(parseAnimatedWebp(bytes, { maxFrames: 3, maxSide: 64, maxArea: 64 * 36 })?.frames).toHaveLength(3)
    const huge = webp(chunk('VP8X', [2, 0, 0, 0, 255, 255, 0, 255, 255, 0]), frame(40), frame(40))
    expect(parseAnimatedWebp(huge)).toBeNull()
  })

  it('never throws on a real clip cut short or with bytes changed, and what it reads stays inside the canvas', async () => {
    const bytes = await animatedWebp({ width: 64, height: 48, frames: 4, alpha: true, lossless: false })
    const damaged: Uint8Array[] = []
    for (let length = 0; length < bytes.length; length += 7) damaged.push(bytes.slice(0, length))
    for (let at = 0; at < Math.min(bytes.length, 400); at++) {
      for (const value of [0, 0xff, bytes[at]! ^ 0x80]) {
        const changed = bytes.slice()
        changed[at] = value
        damaged.push(changed)
      }
    }
    for (const file of damaged) {
      const anim = parseAnimatedWebp(file)
      for (const f of anim?.frames ?? []) {
        expect(f.x + f.width).toBeLessThanOrEqual(anim!.width)
        expect(f.y + f.height).toBeLessThanOrEqual(anim!.height)
        expect(stillWebp(f).length).toBeLessThan(file.length + 32)
      }
    }
  })
})

describe('stillWebp', () => {
  // Clips as the gpu-worker encodes them (RGB, lossy), and with transparency, lossy and lossless.
  for (const [alpha, lossless] of [
    [false, false],
    [true, false],
    [false, true],
    [true, true],
  ] as const) {
    it(`rebuilds every frame of a real ${alpha ? 'transparent' : 'opaque'} ${lossless ? 'lossless' : 'lossy'} animated WebP as a still that decodes at the frame’s size`, async () => {
      const bytes = await animatedWebp({ width: 64, height: 48, frames: 6, alpha, lossless })
      const anim = parseAnimatedWebp(bytes)!
      expect(anim).toMatchObject({ width: 64, height: 48 })
      expect(anim.frames).toHaveLength(6)
      // The encoder stores only what changed: most frames are smaller rectangles somewhere on the canvas.
      expect(anim.frames.some((f) => f.width < 64 && (f.x > 0 || f.y > 0 || f.width * f.height < 64 * 48))).toBe(true)
      if (alpha && !lossless) expect(anim.frames.every((f) => f.alph !== null)).toBe(true)
      for (const f of anim.frames) {
        const still = await decodeStill(stillWebp(f))
        expect({ width: still.width, height: still.height, pages: still.pages }).toEqual({ width: f.width, height: f.height, pages: 1 })
        if (!f.hasAlpha) expect(still.data.filter((_, i) => i % 4 === 3).every((a) => a === 255)).toBe(true)
      }
    })
  }

  it('keeps the transparency of a lossy frame (its ALPH chunk) in the still', async () => {
    const anim = parseAnimatedWebp(await animatedWebp({ width: 64, height: 48, frames: 2, alpha: true, lossless: false }))!
    const first = anim.frames[0]!
    const still = await decodeStill(stillWebp(first))
    // The first frame's translucent box (alpha 200) at 0..15 × 10..29.
    expect(still.data[(20 * first.width + 4) * 4 + 3]).toBeGreaterThan(190)
    expect(still.data[(20 * first.width + 4) * 4 + 3]).toBeLessThan(210)
  })
})
