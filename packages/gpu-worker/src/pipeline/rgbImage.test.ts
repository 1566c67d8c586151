import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { InvalidGenerationParamsError } from '../errors'
import { pngClaiming } from '../testing/imageFixtures'
import { planarToRgbSimd } from './planarToRgbSimd'
import { SeededRandom } from './seededNoise'
import { decodeInitImage, decodeReferenceImage, encodePng, planarToRgbFrom, rgbToTensor, tensorToRgb } from './rgbImage'

describe('rgbImage', () => {
  it('round-trips between RGB bytes and model tensors in [-1, 1]', () => {
    const image = { width: 2, height: 1, data: new Uint8Array([0, 128, 255, 10, 20, 30]) }
    const tensor = rgbToTensor(image)
    expect(tensor[0]).toBe(-1) // R of pixel 0, planar layout
    expect(tensor[4]).toBe(1) // B of pixel 0
    expect(Array.from(tensorToRgb(tensor, 2, 1).data)).toEqual(Array.from(image.data))
    expect(Array.from(tensorToRgb(new Float32Array([5, Number.NaN, -5]), 1, 1).data)).toEqual([255, 0, 0])
  })

  it('converts with WebAssembly SIMD to exactly the bytes of the JavaScript loop, specials and clamping included', () => {
    // 8×3 = 24 pixels: one SIMD block of 16 and a remainder of 8 in JavaScript; 1040×8 crosses a chunk boundary.
    for (const [width, height] of [[8, 3], [64, 64], [1040, 8]] as const) {
      const values = new SeededRandom(width).gaussian(3 * width * height).map((v) => Math.tanh(v) * 1.02)
      const specials = [Number.NaN, Infinity, -Infinity, -0, 0, 1, -1, 2, -2, 1e-30, -1e-30, 3e38, -3e38, 0.5 / 127.5, -0.5 / 127.5]
      specials.forEach((v, i) => (values[(i * 37) % values.length] = v))
      const reference = new Uint8ClampedArray(3 * width * height)
      planarToRgbFrom(0, values, width * height, reference)
      expect(Buffer.from(tensorToRgb(values, width, height).data).equals(Buffer.from(reference.buffer))).toBe(true)
      const simd = new Uint8Array(3 * width * height)
      const pixels = width * height
      expect(planarToRgbSimd(values, pixels, simd)).toBe(pixels - (pixels % 16)) // Node 20 has WebAssembly SIMD: this is the path taken
      expect(Buffer.from(simd.subarray(0, 3 * (pixels - (pixels % 16)))).equals(Buffer.from(reference.buffer, 0, 3 * (pixels - (pixels % 16))))).toBe(true)
    }
    // NaN → 0, ±∞ and beyond [-1, 1] clamp, 0 → 127.5 rounds half to even (128), in the SIMD part too.
    const sixteen = new Float32Array(48).fill(0.25)
    sixteen.set([Number.NaN, Infinity, -Infinity, 0, -5], 0)
    expect(Array.from(tensorToRgb(sixteen, 16, 1).data.subarray(0, 15)).filter((_, i) => i % 3 === 0)).toEqual([0, 255, 0, 128, 0])
  })

  it('encodes PNG and decodes an init image to the requested size', async () => {
    const image = { width: 4, height: 2, data: new Uint8Array(4 * 2 * 3).fill(200) }
    const png = await encodePng(image)
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 4, height: 2, channels: 3 })
    const decoded = await decodeInitImage(png, 8, 8)
    expect(decoded).toMatchObject({ width: 8, height: 8 })
    expect(decoded.data.length).toBe(8 * 8 * 3)
    expect(decoded.data[0]).toBe(200)
    await expect(decodeInitImage(new Uint8Array([1, 2, 3]), 8, 8)).rejects.toBeInstanceOf(InvalidGenerationParamsError)
  })

  it('refuses references that are not images or are too large, before decoding them', async () => {
    await expect(decodeReferenceImage(new TextEncoder().encode('<html>'), 8, 8, 'the style reference')).rejects.toThrow(/^the style reference is not an image the worker can read/u)
    const bomb = await pngClaiming(20_000, 20_000)
    await expect(decodeReferenceImage(bomb, 8, 8, 'the prop reference')).rejects.toThrow(/^the prop reference is too large \(20000×20000\): at most 40 megapixels/u)
  })
})
