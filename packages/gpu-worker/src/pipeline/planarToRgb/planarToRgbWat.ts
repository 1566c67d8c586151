/**
 * The WebAssembly (SIMD) text of `planarToRgb`, from which `pnpm --filter @storyloom/gpu-worker
 * build-wasm` makes planarToRgbWasm.generated.ts. Written out by code because the same
 * expression repeats for every pair of values: WAT has no loops over code.
 *
 * `planarToRgb(src, dst, count)`: `src` holds three planes of `count` float32s (R, G, B, values
 * about [-1, 1]), `dst` receives `count` interleaved RGB bytes; `count` is a multiple of 16.
 * Each value becomes exactly what JavaScript's `uint8Clamped[i] = v * 127.5 + 127.5` stores:
 * the product and sum in float64 (as JavaScript computes them; both exact for a float32 `v`),
 * rounded half to even (`f64x2.nearest`), clamped to 0–255 with NaN as 0 (`trunc_sat` saturates
 * and maps NaN to 0; the two saturating narrowings clamp to 0–255). In float32 the sum would
 * round differently for some values.
 */
export function planarToRgbWat(): string {
  // Two float32s → their bytes' i32s in lanes 0 and 1.
  const two = (ptr: string, offset: number) =>
    `(i32x4.trunc_sat_f64x2_s_zero (f64x2.nearest (f64x2.add (f64x2.mul (f64x2.promote_low_f32x4 (v128.load64_zero offset=${offset} (local.get ${ptr}))) (local.get $k)) (local.get $k))))`
  // Four → an i32x4 (lanes 0–1 of each pair).
  const four = (ptr: string, offset: number) => `(i8x16.shuffle 0 1 2 3 4 5 6 7 16 17 18 19 20 21 22 23 ${two(ptr, offset)} ${two(ptr, offset + 8)})`
  // Sixteen → an u8x16.
  const sixteen = (ptr: string) =>
    `(i8x16.narrow_i16x8_u (i16x8.narrow_i32x4_s ${four(ptr, 0)} ${four(ptr, 16)}) (i16x8.narrow_i32x4_s ${four(ptr, 32)} ${four(ptr, 48)}))`
  // 16 R, 16 G and 16 B bytes → 48 interleaved bytes, 16 at a time: R and G placed first, then B.
  const stores = [0, 16, 32].map((first) => {
    const rg: number[] = []
    const withB: number[] = []
    for (let j = first; j < first + 16; j++) {
      const pixel = Math.floor(j / 3)
      const channel = j % 3
      rg.push(channel === 0 ? pixel : channel === 1 ? 16 + pixel : 0)
      withB.push(channel === 2 ? 16 + pixel : j - first)
    }
    return `(v128.store offset=${first} (local.get $o) (i8x16.shuffle ${withB.join(' ')} (i8x16.shuffle ${rg.join(' ')} (local.get $vr) (local.get $vg)) (local.get $vb)))`
  })
  return `(module
  (memory (export "memory") ${PLANAR_TO_RGB_PAGES})
  (func (export "planarToRgb") (param $src i32) (param $dst i32) (param $count i32)
    (local $r i32) (local $g i32) (local $b i32) (local $end i32) (local $o i32)
    (local $k v128) (local $vr v128) (local $vg v128) (local $vb v128)
    (local.set $k (f64x2.splat (f64.const 127.5)))
    (local.set $r (local.get $src))
    (local.set $g (i32.add (local.get $r) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $b (i32.add (local.get $g) (i32.shl (local.get $count) (i32.const 2))))
    (local.set $end (local.get $g))
    (local.set $o (local.get $dst))
    (block $done
      (loop $next
        (br_if $done (i32.ge_u (local.get $r) (local.get $end)))
        (local.set $vr ${sixteen('$r')})
        (local.set $vg ${sixteen('$g')})
        (local.set $vb ${sixteen('$b')})
        ${stores.join('\n        ')}
        (local.set $r (i32.add (local.get $r) (i32.const 64)))
        (local.set $g (i32.add (local.get $g) (i32.const 64)))
        (local.set $b (i32.add (local.get $b) (i32.const 64)))
        (local.set $o (i32.add (local.get $o) (i32.const 48)))
        (br $next)))))
`
}

/** Pixels converted per call: 16,384 × 15 bytes (three float32 planes in, RGB out) fit in 4 pages and in a core's L2. */
export const PLANAR_TO_RGB_CHUNK = 16_384
/** The module's memory in 64 KiB pages: one chunk's input and output. */
export const PLANAR_TO_RGB_PAGES = Math.ceil((PLANAR_TO_RGB_CHUNK * 15) / 65_536)
