/**
 * IEEE half-precision conversion. onnxruntime-node hands float16 tensors over as raw
 * `Uint16Array` bits (Node 20 has no Float16Array), so fp16 models need both directions.
 */

const f32 = new Float32Array(1)
const u32 = new Uint32Array(f32.buffer)

/** Rounds one float to the nearest half-precision bit pattern (ties to even). */
export function toFloat16Bits(value: number): number {
  f32[0] = value
  const x = u32[0] as number
  const sign = (x >>> 16) & 0x8000
  const exponent = (x >>> 23) & 0xff
  let mantissa = x & 0x7fffff
  if (exponent === 0xff) return sign | 0x7c00 | (mantissa ? 0x200 : 0) // Inf / NaN
  let e = exponent - 127 + 15
  if (e >= 0x1f) return sign | 0x7c00 // overflow → Inf
  if (e <= 0) {
    if (e < -10) return sign // underflow → ±0
    mantissa |= 0x800000
    const shift = 14 - e
    const half = 1 << (shift - 1)
    let bits = mantissa >>> shift
    const rest = mantissa & ((1 << shift) - 1)
    if (rest > half || (rest === half && (bits & 1))) bits++
    return sign | bits
  }
  let bits = (e << 10) | (mantissa >>> 13)
  const rest = mantissa & 0x1fff
  if (rest > 0x1000 || (rest === 0x1000 && (bits & 1))) bits++ // may carry into the exponent: still correct
  return sign | bits
}

/** Expands one half-precision bit pattern to a number. */
export function fromFloat16Bits(bits: number): number {
  const sign = bits & 0x8000 ? -1 : 1
  const exponent = (bits >>> 10) & 0x1f
  const mantissa = bits & 0x3ff
  if (exponent === 0) return sign * mantissa * 2 ** -24
  if (exponent === 0x1f) return mantissa ? Number.NaN : sign * Number.POSITIVE_INFINITY
  return sign * (1 + mantissa / 1024) * 2 ** (exponent - 15)
}

/** float32 → float16 bits, element-wise. */
export function float32ToFloat16(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length)
  for (let i = 0; i < values.length; i++) out[i] = toFloat16Bits(values[i] as number)
  return out
}

/** float16 bits → float32, element-wise. */
export function float16ToFloat32(bits: Uint16Array): Float32Array {
  const out = new Float32Array(bits.length)
  for (let i = 0; i < bits.length; i++) out[i] = fromFloat16Bits(bits[i] as number)
  return out
}
