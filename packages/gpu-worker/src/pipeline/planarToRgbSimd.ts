/**
 * The decoded image's float planes → interleaved 8-bit RGB with WebAssembly SIMD: the same bytes
 * as `Uint8ClampedArray` assignment of `v * 127.5 + 127.5` (see `tensorToRgb`), 16 pixels per
 * loop turn. The module is a few hundred bytes assembled here, so the repository needs no
 * WebAssembly toolchain; the instruction sequence is spelled out below.
 *
 * Why it is bit-identical: each float32 is widened to float64 (exact), multiplied and added in
 * float64 without fusion (as JavaScript does), rounded half to even (`f64x2.nearest`, as
 * `Uint8ClampedArray` rounds), truncated with saturation (NaN → 0) and narrowed with saturation
 * to [0, 255] — clamping after rounding to an integer gives the same byte as before it.
 */

/** Pixels converted per call: their three input planes (float32) and output (3 bytes each) fit in the module's memory. */
const CHUNK_PIXELS = 8192
const MEMORY_PAGES = 2 // 2 × 64 KiB ≥ 8192 × (12 + 3) bytes
const OUT_OFFSET = 3 * 4 * CHUNK_PIXELS

type Converter = { memory: { buffer: ArrayBuffer }; convert: (r: number, g: number, b: number, out: number, pixels: number) => void }
/** The part of the WebAssembly API used here (the project's TypeScript libs do not declare it). */
type WebAssemblyApi = { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: object } }

let converter: Converter | null | undefined

/** The instantiated module, or null where WebAssembly SIMD is unavailable (callers then use plain JavaScript). */
function simdConverter(): Converter | null {
  if (converter !== undefined) return converter
  try {
    const wasm = (globalThis as unknown as { WebAssembly: WebAssemblyApi }).WebAssembly
    const instance = new wasm.Instance(new wasm.Module(moduleBytes()))
    const { memory, convert } = instance.exports as unknown as Converter
    converter = { memory, convert }
  } catch {
    converter = null
  }
  return converter
}

/**
 * Writes `pixels` interleaved RGB bytes into `out` from three planes of `values` (`[3, pixels]`,
 * in [-1, 1]), or returns false (writing nothing) where WebAssembly SIMD is unavailable. Pixels
 * beyond the last multiple of 16 are left to the caller: the returned count says how many were done.
 */
export function planarToRgbSimd(values: Float32Array, pixels: number, out: Uint8Array): number {
  const simd = simdConverter()
  if (!simd) return 0
  const done = pixels - (pixels % 16)
  const floats = new Float32Array(simd.memory.buffer)
  const bytes = new Uint8Array(simd.memory.buffer)
  for (let start = 0; start < done; start += CHUNK_PIXELS) {
    const n = Math.min(CHUNK_PIXELS, done - start)
    // Planes R, G, B side by side at the start of memory, output after them.
    floats.set(values.subarray(start, start + n), 0)
    floats.set(values.subarray(pixels + start, pixels + start + n), n)
    floats.set(values.subarray(2 * pixels + start, 2 * pixels + start + n), 2 * n)
    simd.convert(0, 4 * n, 8 * n, OUT_OFFSET, n)
    out.set(bytes.subarray(OUT_OFFSET, OUT_OFFSET + 3 * n), 3 * start)
  }
  return done
}

// --- The module: (func (export "convert") (param $r $g $b $out $pixels i32)) and (memory (export "memory") 2) ---

const SIMD = 0xfd
/** SIMD opcodes, LEB128-encoded after the 0xfd prefix. */
const op = {
  load: [SIMD, 0x00],
  store: [SIMD, 0x0b],
  const: [SIMD, 0x0c],
  shuffle: [SIMD, 0x0d],
  i8x16NarrowI16x8U: [SIMD, 0x66],
  f64x2PromoteLowF32x4: [SIMD, 0x5f],
  i16x8NarrowI32x4S: [SIMD, 0x85, 0x01],
  f64x2Nearest: [SIMD, 0x94, 0x01],
  f64x2Add: [SIMD, 0xf0, 0x01],
  f64x2Mul: [SIMD, 0xf2, 0x01],
  i32x4TruncSatF64x2SZero: [SIMD, 0xfc, 0x01],
} as const
const localGet = (i: number) => [0x20, i]
const localSet = (i: number) => [0x21, i]
const localTee = (i: number) => [0x22, i]
const i32Const = (v: number) => [0x41, ...sleb(v)]
const I32_ADD = 0x6a
const I32_LT_U = 0x49
/** memarg: alignment hint 2^0 (the planes are only 4-byte aligned), offset. */
const memarg = (offset: number) => [0x00, ...uleb(offset)]
const shuffle = (lanes: readonly number[]) => [...op.shuffle, ...lanes]

// Locals: params 0 r, 1 g, 2 b, 3 out, 4 pixels; then i32 5 (pixel index), v128 6 (127.5 ×2), 7 (a float32x4), 8 R, 9 G, 10 B, 11 RG low, 12 RG high.
const [R_PTR, G_PTR, B_PTR, OUT, PIXELS, P, K, V, R, G, B, RG_LO, RG_HI] = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12] as const

/** Two widened lanes → v * 127.5 + 127.5 → rounded half to even → int32 lanes [x, y, 0, 0]. */
const scaleRoundTruncate = [...localGet(K), ...op.f64x2Mul, ...localGet(K), ...op.f64x2Add, ...op.f64x2Nearest, ...op.i32x4TruncSatF64x2SZero]

/** Four floats at `ptr + 4·p + offset` → one int32x4 of their bytes (before the final clamp). */
function fourValues(ptr: number, offset: number): number[] {
  return [
    ...localGet(ptr), ...localGet(P), ...i32Const(2), 0x74 /* i32.shl */, I32_ADD,
    ...op.load, ...memarg(offset), ...localTee(V),
    ...op.f64x2PromoteLowF32x4, ...scaleRoundTruncate,
    ...localGet(V), ...localGet(V), ...shuffle([8, 9, 10, 11, 12, 13, 14, 15, 8, 9, 10, 11, 12, 13, 14, 15]),
    ...op.f64x2PromoteLowF32x4, ...scaleRoundTruncate,
    ...shuffle([0, 1, 2, 3, 4, 5, 6, 7, 16, 17, 18, 19, 20, 21, 22, 23]),
  ]
}

/** Sixteen values of one plane → sixteen clamped bytes, stored in local `into`. */
function sixteenBytes(ptr: number, into: number): number[] {
  return [
    ...fourValues(ptr, 0), ...fourValues(ptr, 16), ...op.i16x8NarrowI32x4S,
    ...fourValues(ptr, 32), ...fourValues(ptr, 48), ...op.i16x8NarrowI32x4S,
    ...op.i8x16NarrowI16x8U, ...localSet(into),
  ]
}

const B0 = 16 // lane index of B's byte 0 in a shuffle whose second operand is B
function body(): number[] {
  const k = new Uint8Array(new Float64Array([127.5, 127.5]).buffer)
  const interleaved = [
    // r0 g0 r1 g1 … r7 g7 and r8 g8 … r15 g15
    ...localGet(R), ...localGet(G), ...shuffle([0, 16, 1, 17, 2, 18, 3, 19, 4, 20, 5, 21, 6, 22, 7, 23]), ...localSet(RG_LO),
    ...localGet(R), ...localGet(G), ...shuffle([8, 24, 9, 25, 10, 26, 11, 27, 12, 28, 13, 29, 14, 30, 15, 31]), ...localSet(RG_HI),
    // bytes 0–15: r0 g0 b0 … r4 g4 b4 r5
    ...localGet(OUT),
    ...localGet(RG_LO), ...localGet(B), ...shuffle([0, 1, B0, 2, 3, B0 + 1, 4, 5, B0 + 2, 6, 7, B0 + 3, 8, 9, B0 + 4, 10]),
    ...op.store, ...memarg(0),
    // bytes 16–31: g5 b5 r6 g6 b6 r7 g7 b7 r8 g8 b8 r9 g9 b9 r10 g10 (G/R from both halves, then B)
    ...localGet(OUT),
    ...localGet(RG_LO), ...localGet(RG_HI), ...shuffle([11, 0, 12, 13, 0, 14, 15, 0, 16, 17, 0, 18, 19, 0, 20, 21]),
    ...localGet(B), ...shuffle([0, B0 + 5, 2, 3, B0 + 6, 5, 6, B0 + 7, 8, 9, B0 + 8, 11, 12, B0 + 9, 14, 15]),
    ...op.store, ...memarg(16),
    // bytes 32–47: b10 r11 g11 b11 … r15 g15 b15
    ...localGet(OUT),
    ...localGet(RG_HI), ...localGet(B), ...shuffle([B0 + 10, 6, 7, B0 + 11, 8, 9, B0 + 12, 10, 11, B0 + 13, 12, 13, B0 + 14, 14, 15, B0 + 15]),
    ...op.store, ...memarg(32),
  ]
  const code = [
    ...op.const, ...k, ...localSet(K),
    0x03, 0x40, // loop (no result)
    ...sixteenBytes(R_PTR, R), ...sixteenBytes(G_PTR, G), ...sixteenBytes(B_PTR, B),
    ...interleaved,
    ...localGet(OUT), ...i32Const(48), I32_ADD, ...localSet(OUT),
    ...localGet(P), ...i32Const(16), I32_ADD, ...localTee(P),
    ...localGet(PIXELS), I32_LT_U, 0x0d, 0x00, // br_if 0: again while p < pixels
    0x0b, // end loop
    0x0b, // end function
  ]
  const locals = [0x02, 0x01, 0x7f, 0x07, 0x7b] // 1 × i32, 7 × v128
  return [...uleb(locals.length + code.length), ...locals, ...code]
}

function moduleBytes(): Uint8Array {
  const section = (id: number, content: number[]) => [id, ...uleb(content.length), ...content]
  const name = (text: string) => [...uleb(text.length), ...new TextEncoder().encode(text)]
  return new Uint8Array([
    0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00, // "\0asm", version 1
    ...section(1, [0x01, 0x60, 0x05, 0x7f, 0x7f, 0x7f, 0x7f, 0x7f, 0x00]), // type: (i32 ×5) → ()
    ...section(3, [0x01, 0x00]), // function 0 has type 0
    ...section(5, [0x01, 0x00, MEMORY_PAGES]), // memory: min pages, no max
    ...section(7, [0x02, ...name('memory'), 0x02, 0x00, ...name('convert'), 0x00, 0x00]), // exports
    ...section(10, [0x01, ...body()]), // code
  ])
}

function uleb(value: number): number[] {
  const out: number[] = []
  do {
    let byte = value & 0x7f
    value >>>= 7
    if (value !== 0) byte |= 0x80
    out.push(byte)
  } while (value !== 0)
  return out
}

function sleb(value: number): number[] {
  const out: number[] = []
  for (;;) {
    const byte = value & 0x7f
    value >>= 7
    if ((value === 0 && (byte & 0x40) === 0) || (value === -1 && (byte & 0x40) !== 0)) return [...out, byte]
    out.push(byte | 0x80)
  }
}
