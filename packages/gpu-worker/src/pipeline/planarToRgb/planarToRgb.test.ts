import { describe, expect, it } from 'vitest'
import { SeededRandom } from '../seededNoise'
import { compilePlanarToRgbWasm } from './compilePlanarToRgbWasm'
import { planarToRgb, planarToRgbScalar } from './planarToRgb'
import { PLANAR_TO_RGB_WASM_BASE64 } from './planarToRgbWasm.generated'
import { PLANAR_TO_RGB_CHUNK } from './planarToRgbWat'

/** What the plain loop (a Uint8ClampedArray's own rounding) makes of `values`. */
function reference(values: Float32Array, plane: number): Uint8Array {
  const out = new Uint8ClampedArray(3 * plane)
  planarToRgbScalar(values, plane, out)
  return new Uint8Array(out.buffer)
}

function converted(values: Float32Array, plane: number): Uint8Array {
  const out = new Uint8Array(3 * plane)
  planarToRgb(values, plane, out)
  return out
}

describe('planarToRgb', () => {
  it('rounds, clamps and maps NaN exactly as a Uint8ClampedArray does, in every lane and channel', () => {
    // The float32s nearest each half-way point (x.5 after scaling) and their neighbours, the ends of the range and past them, signed zeros, infinities and NaN.
    const special: number[] = [Number.NaN, Infinity, -Infinity, 0, -0, 1, -1, 1.5, -1.5, 1e30, -1e30, 3e-45, -3e-45]
    for (let n = -2; n <= 257; n++) {
      const half = Math.fround((n + 0.5 - 127.5) / 127.5)
      special.push(half, nextFloat32(half, 1), nextFloat32(half, -1), Math.fround((n - 127.5) / 127.5))
    }
    const plane = 16 * Math.ceil(special.length / 16) * 3
    const values = new Float32Array(3 * plane)
    // Every special value in every position of a 16-pixel group, in each of the three planes.
    for (let i = 0; i < values.length; i++) values[i] = special[(i * 7) % special.length] as number
    const want = reference(values, plane)
    expect(converted(values, plane)).toEqual(want)
    // A few by hand: 0 → 127.5 (the one exact half a float32 gives inside the range) → 128.
    const reds = converted(new Float32Array([0, 1, -1, Number.NaN, 2, -0.5, 0.999, 0.001, 0.5, ...new Float32Array(7 + 32)]), 16).filter((_, i) => i % 3 === 0)
    expect(Array.from(reds.subarray(0, 9))).toEqual([128, 255, 0, 0, 255, 64, 255, 128, 191])
  })

  it('converts images of generation sizes, several chunks and sizes that are not whole groups of 16', () => {
    for (const [width, height] of [[64, 36], [512, 288], [1024, 576], [13, 7], [PLANAR_TO_RGB_CHUNK + 5, 1]] as const) {
      const plane = width * height
      const values = new SeededRandom(width + height).gaussian(3 * plane).map((v) => v * 0.7)
      expect(converted(values, plane)).toEqual(reference(values, plane))
    }
  })

  it('refuses buffers too small for the image', () => {
    expect(() => planarToRgb(new Float32Array(5), 2, new Uint8Array(6))).toThrow(RangeError)
    expect(() => planarToRgb(new Float32Array(6), 2, new Uint8Array(5))).toThrow(RangeError)
  })

  it('holds the module planarToRgbWat describes (run `pnpm --filter @storyloom/gpu-worker build-wasm` after editing it)', async () => {
    expect(Buffer.from(await compilePlanarToRgbWasm()).toString('base64')).toBe(PLANAR_TO_RGB_WASM_BASE64)
  })
})

/** The next float32 after `x` towards +∞ (`direction` 1) or −∞ (−1). */
function nextFloat32(x: number, direction: 1 | -1): number {
  const f = new Float32Array([x])
  const bits = new Int32Array(f.buffer)
  bits[0] = (bits[0] as number) + (x >= 0 === (direction === 1) ? 1 : -1)
  return f[0] as number
}
