import { describe, expect, it } from 'vitest'
import { float16ToFloat32, float32ToFloat16, fromFloat16Bits, toFloat16Bits } from './float16'

describe('float16', () => {
  it('encodes known half-precision bit patterns', () => {
    expect(toFloat16Bits(1)).toBe(0x3c00)
    expect(toFloat16Bits(-2)).toBe(0xc000)
    expect(toFloat16Bits(65504)).toBe(0x7bff)
    expect(toFloat16Bits(1e6)).toBe(0x7c00)
    expect(toFloat16Bits(2 ** -24)).toBe(0x0001)
    expect(toFloat16Bits(0.1)).toBe(0x2e66)
    expect(toFloat16Bits(Number.NaN) & 0x7c00).toBe(0x7c00)
  })

  it('decodes what it encodes within half precision', () => {
    const values = new Float32Array([0, 1, -1, 0.5, 3.14159, -14.6146, 1e-5, 1000.25])
    const back = float16ToFloat32(float32ToFloat16(values))
    values.forEach((v, i) => expect(Math.abs((back[i] as number) - v)).toBeLessThanOrEqual(Math.abs(v) / 1024 + 6e-8))
    expect(fromFloat16Bits(0x7c00)).toBe(Number.POSITIVE_INFINITY)
    expect(fromFloat16Bits(0x8000)).toBe(-0)
  })
})
