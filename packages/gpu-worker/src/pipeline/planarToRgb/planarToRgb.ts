import { PLANAR_TO_RGB_WASM_BASE64 } from './planarToRgbWasm.generated'
import { PLANAR_TO_RGB_CHUNK } from './planarToRgbWat'

// Node's global WebAssembly, as far as this file uses it (@types/node does not declare it; lib.dom would bring the browser's globals).
declare const WebAssembly: { Module: new (bytes: Uint8Array) => object; Instance: new (module: object) => { exports: unknown } }

type PlanarToRgbExports = { memory: { buffer: ArrayBuffer }; planarToRgb: (src: number, dst: number, count: number) => void }
type Module = { run: PlanarToRgbExports['planarToRgb']; input: Float32Array; output: Uint8Array }

let loaded: Module | null | undefined

/** The WebAssembly module, compiled on first use; null where WebAssembly SIMD is unavailable. */
function wasmModule(): Module | null {
  if (loaded !== undefined) return loaded
  try {
    const exports = new WebAssembly.Instance(new WebAssembly.Module(Buffer.from(PLANAR_TO_RGB_WASM_BASE64, 'base64'))).exports as PlanarToRgbExports
    // The memory never grows, so these views stay valid.
    const input = new Float32Array(exports.memory.buffer, 0, 3 * PLANAR_TO_RGB_CHUNK)
    const output = new Uint8Array(exports.memory.buffer, input.byteLength, 3 * PLANAR_TO_RGB_CHUNK)
    loaded = { run: exports.planarToRgb, input, output }
  } catch {
    loaded = null
  }
  return loaded
}

/**
 * Three float planes (R, G, B, `plane` values each, about [-1, 1]) → interleaved 8-bit RGB in
 * `out` (3 × `plane` bytes): each value × 127.5 + 127.5, rounded half to even and clamped to
 * 0–255, NaN → 0, exactly as a `Uint8ClampedArray` stores it. Runs in WebAssembly SIMD a chunk at
 * a time (copied in and out of its memory: synchronous, so concurrent generations cannot share a
 * chunk), 2.1–2.2× the plain loop's speed; the same loop does what SIMD cannot.
 */
export function planarToRgb(values: Float32Array, plane: number, out: Uint8Array): void {
  if (values.length < 3 * plane || out.length < 3 * plane) throw new RangeError(`planarToRgb: ${values.length} values and ${out.length} bytes for ${plane} pixels`)
  const wasm = wasmModule()
  let done = 0
  if (wasm) {
    const { run, input, output } = wasm
    // Whole groups of 16 pixels (image sizes are multiples of 8 × 8, so that is all of them).
    const simd = plane - (plane % 16)
    while (done < simd) {
      const count = Math.min(PLANAR_TO_RGB_CHUNK, simd - done)
      input.set(values.subarray(done, done + count), 0)
      input.set(values.subarray(plane + done, plane + done + count), count)
      input.set(values.subarray(2 * plane + done, 2 * plane + done + count), 2 * count)
      run(0, input.byteLength, count)
      out.set(output.subarray(0, 3 * count), 3 * done)
      done += count
    }
  }
  planarToRgbScalar(values, plane, new Uint8ClampedArray(out.buffer, out.byteOffset, out.length), done)
}

/** The plain loop of {@link planarToRgb}, from pixel `from`: the reference its SIMD must equal. */
export function planarToRgbScalar(values: Float32Array, plane: number, out: Uint8ClampedArray, from = 0): void {
  // Uint8ClampedArray clamps, rounds and maps NaN to 0 on assignment: several times faster than
  // doing it by hand. One pass over the three planes writes the output sequentially.
  const r = values.subarray(0, plane)
  const g = values.subarray(plane, 2 * plane)
  const b = values.subarray(2 * plane, 3 * plane)
  for (let p = from, o = 3 * from; p < plane; p++, o += 3) {
    out[o] = (r[p] as number) * 127.5 + 127.5
    out[o + 1] = (g[p] as number) * 127.5 + 127.5
    out[o + 2] = (b[p] as number) * 127.5 + 127.5
  }
}
