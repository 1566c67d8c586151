import sharp from 'sharp'

/** Pixels of a picture, RGBA, row by row. */
export type Rgba = { width: number; height: number; data: Uint8Array }

/**
 * A real animated WebP, encoded the way the gpu-worker encodes clips (sharp's `webp` with a
 * per-frame `delay`): a box moving right over a gradient, `frames` frames of `width`×`height`.
 * With `alpha`, the box is translucent and a band at the left blinks transparent, so the encoder
 * writes `ALPH` chunks, sub-rectangles, both blending methods and disposal to background.
 */
export async function animatedWebp(options: { width: number; height: number; frames: number; alpha: boolean; lossless: boolean; delay?: number[] }): Promise<Uint8Array> {
  const { width, height, frames, alpha, lossless } = options
  const channels = alpha ? 4 : 3
  const raw = Buffer.alloc(width * height * channels * frames)
  for (let f = 0; f < frames; f++) {
    for (let y = 0; y < height; y++) {
      for (let x = 0; x < width; x++) {
        const i = ((f * height + y) * width + x) * channels
        const inBox = x >= f * 6 && x < f * 6 + 16 && y >= 10 && y < 30
        raw[i] = inBox ? 250 : 30
        raw[i + 1] = inBox ? 40 : (x * 3) & 255
        raw[i + 2] = (y * 5) & 255
        if (alpha) raw[i + 3] = x < 8 && f % 2 === 1 ? 0 : inBox ? 200 : 255
      }
    }
  }
  const delay = options.delay ?? Array.from({ length: frames }, () => 100)
  const bytes = await sharp(raw, { raw: { width, height: height * frames, channels, pageHeight: height } })
    .webp({ loop: 0, delay, quality: 82, effort: 2, lossless })
    .toBuffer()
  return new Uint8Array(bytes)
}

/** What libwebp (through sharp) shows for each frame of an animation: full canvases, RGBA. */
export async function referenceFrames(webp: Uint8Array): Promise<Rgba[]> {
  const { data, info } = await sharp(webp, { pages: -1 }).ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  const height = info.pageHeight ?? info.height
  const size = info.width * height * 4
  return Array.from({ length: info.height / height }, (_, i) => ({ width: info.width, height, data: new Uint8Array(data.subarray(i * size, (i + 1) * size)) }))
}

/** A still image file decoded by sharp (libwebp), RGBA; rejects when it is not a readable image. */
export async function decodeStill(file: Uint8Array): Promise<Rgba & { pages: number }> {
  const image = sharp(file)
  const { pages = 1 } = await image.metadata()
  const { data, info } = await image.ensureAlpha().raw().toBuffer({ resolveWithObject: true })
  return { width: info.width, height: info.height, data: new Uint8Array(data), pages }
}
