import sharp from 'sharp'
import type { RgbImage } from './rgbImage'

/**
 * SD1/SD2-family latent → RGB: one row per latent channel, giving that channel's contribution
 * to R, G and B (values in about [-1, 1]). Applied to the predicted clean latent it shows what
 * the image is becoming, at latent resolution, for almost no cost.
 */
type RgbFactors = readonly [number, number, number]
export const SD_LATENT_RGB_FACTORS: readonly [RgbFactors, RgbFactors, RgbFactors, RgbFactors] = [
  [0.3512, 0.2297, 0.3227],
  [0.325, 0.4974, 0.235],
  [-0.2829, 0.1762, 0.2721],
  [-0.212, -0.2616, -0.7177],
]

/**
 * Maps one latent (channels-first, `[4, height, width]`, the first batch item of a model
 * tensor) to an RGB image of the same size.
 */
export function latentToRgb(latent: Float32Array, width: number, height: number): RgbImage {
  const plane = width * height
  const channels = SD_LATENT_RGB_FACTORS.length
  if (latent.length < channels * plane) throw new RangeError(`latent has ${latent.length} values, expected ${channels}×${height}×${width}`)
  const data = new Uint8ClampedArray(plane * 3) // clamps and rounds on assignment
  // The factors in locals and the four channels unrolled (same sums, in the same order): the
  // nested loop read each factor through two arrays per pixel.
  const [[r0, g0, b0], [r1, g1, b1], [r2, g2, b2], [r3, g3, b3]] = SD_LATENT_RGB_FACTORS
  for (let p = 0, o = 0; p < plane; p++, o += 3) {
    const v0 = latent[p] as number
    const v1 = latent[plane + p] as number
    const v2 = latent[2 * plane + p] as number
    const v3 = latent[3 * plane + p] as number
    let r = 0
    let g = 0
    let b = 0
    r += v0 * r0
    g += v0 * g0
    b += v0 * b0
    r += v1 * r1
    g += v1 * g1
    b += v1 * b1
    r += v2 * r2
    g += v2 * g2
    b += v2 * b2
    r += v3 * r3
    g += v3 * g3
    b += v3 * b3
    data[o] = (r + 1) * 127.5
    data[o + 1] = (g + 1) * 127.5
    data[o + 2] = (b + 1) * 127.5
  }
  return { width, height, data: new Uint8Array(data.buffer) }
}

/** How a preview is encoded for the live channel. */
export type PreviewEncoding = { format: 'jpeg' | 'webp'; /** Largest longest side in pixels (previews are never enlarged). */ maxSize: number; quality: number }

/** What the worker publishes: small enough for an SSE message to every client several times a second. */
export const defaultPreviewEncoding: PreviewEncoding = { format: 'webp', maxSize: 256, quality: 60 }

/** An encoded preview, its media type and its size in pixels. */
export type EncodedPreview = { bytes: Buffer; mediaType: 'image/jpeg' | 'image/webp'; width: number; height: number }

/**
 * Encodes a preview as a small JPEG or WebP at its own (latent) resolution, scaled down only if
 * its longest side exceeds `maxSize`. Enlarging it here would add bytes and encoding time but no
 * detail: the client scales it to the frame, smoothly, anyway. Runs in libuv's thread pool.
 */
export async function encodePreview(preview: RgbImage, encoding: PreviewEncoding = defaultPreviewEncoding): Promise<EncodedPreview> {
  const scale = Math.min(1, encoding.maxSize / Math.max(preview.width, preview.height))
  const width = Math.max(1, Math.round(preview.width * scale))
  const height = Math.max(1, Math.round(preview.height * scale))
  let image = sharp(preview.data, { raw: { width: preview.width, height: preview.height, channels: 3 } })
  if (scale < 1) image = image.resize(width, height, { kernel: 'cubic' })
  const bytes = await (encoding.format === 'webp' ? image.webp({ quality: encoding.quality }) : image.jpeg({ quality: encoding.quality })).toBuffer()
  return { bytes, mediaType: `image/${encoding.format}`, width, height }
}
