import { describe, expect, it } from 'vitest'
import { MAX_SEED, SeededRandom } from './seededNoise'

describe('SeededRandom', () => {
  it('gives the same noise for the same seed and different noise for another', () => {
    const a = new SeededRandom(42).gaussian(1000)
    const b = new SeededRandom(42).gaussian(1000)
    const c = new SeededRandom(43).gaussian(1000)
    expect(Array.from(a)).toEqual(Array.from(b))
    expect(Array.from(a)).not.toEqual(Array.from(c))
    // Seeds beyond 32 bits are distinct seeds, not wrapped ones.
    expect(Array.from(new SeededRandom(2 ** 32 + 42).gaussian(8))).not.toEqual(Array.from(a.slice(0, 8)))
  })

  it('is standard normal', () => {
    const x = new SeededRandom(7).gaussian(200_000)
    let mean = 0
    for (const v of x) mean += v
    mean /= x.length
    let variance = 0
    let within1 = 0
    for (const v of x) {
      variance += (v - mean) ** 2
      if (Math.abs(v) < 1) within1++
    }
    variance /= x.length
    expect(Math.abs(mean)).toBeLessThan(0.01)
    expect(Math.abs(variance - 1)).toBeLessThan(0.02)
    expect(within1 / x.length).toBeCloseTo(0.6827, 2)
  })

  it('draws the same stream in bulk as one value at a time, across odd lengths', () => {
    const bulk = new SeededRandom(99)
    const single = new SeededRandom(99)
    for (const length of [3, 1, 4, 0, 7, 1000]) {
      const expected = Array.from({ length }, () => Math.fround(single.nextGaussian()))
      expect(Array.from(bulk.gaussian(length))).toEqual(expected)
    }
    expect(bulk.nextGaussian()).toBe(single.nextGaussian())
  })

  it('refuses seeds that are not safe non-negative integers', () => {
    expect(() => new SeededRandom(-1)).toThrow(RangeError)
    expect(() => new SeededRandom(1.5)).toThrow(RangeError)
    expect(() => new SeededRandom(MAX_SEED)).not.toThrow()
  })
})
