import wabt from 'wabt'
import { planarToRgbWat } from './planarToRgbWat'

/** planarToRgbWat's text compiled with WABT (a dev dependency: for the build script and the test only). */
export async function compilePlanarToRgbWasm(): Promise<Uint8Array> {
  const module = (await wabt()).parseWat('planarToRgb.wat', planarToRgbWat(), { simd: true })
  try {
    module.validate()
    return module.toBinary({}).buffer
  } finally {
    module.destroy()
  }
}
