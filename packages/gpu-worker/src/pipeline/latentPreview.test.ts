import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { encodePreview, latentToRgb } from './latentPreview'

describe('latentToRgb', () => {
  it('maps each latent channel through its row of the preview matrix', () => {
    // 2×1 latent: pixel 0 has only channel 0 = 1, pixel 1 only channel 3 = 1.
    const latent = new Float32Array([1, 0, 0, 0, 0, 0, 0, 1])
    const { data, width, height } = latentToRgb(latent, 2, 1)
    expect([width, height]).toEqual([2, 1])
    // (v + 1) × 127.5 with v = [0.3512, 0.2297, 0.3227] and [-0.212, -0.2616, -0.7177]
    expect(Array.from(data)).toEqual([172, 157, 169, 100, 94, 36])
  })

  it('clips to the byte range', () => {
    expect(Array.from(latentToRgb(new Float32Array([10, 0, 0, 0]), 1, 1).data)).toEqual([255, 255, 255])
  })
})

describe('encodePreview', () => {
  const preview = latentToRgb(Float32Array.from({ length: 4 * 64 * 36 }, (_, i) => Math.sin(i / 50)), 64, 36)

  it('encodes a small JPEG or WebP at the latent resolution, scaled down only beyond maxSize', async () => {
    const jpeg = await encodePreview(preview, { format: 'jpeg', maxSize: 256, quality: 70 })
    expect(jpeg.bytes.subarray(0, 2)).toEqual(Buffer.from([0xff, 0xd8]))
    expect(jpeg).toMatchObject({ mediaType: 'image/jpeg', width: 64, height: 36 })
    expect(await sharp(jpeg.bytes).metadata()).toMatchObject({ format: 'jpeg', width: 64, height: 36 })
    const webp = await encodePreview(preview, { format: 'webp', maxSize: 32, quality: 60 })
    expect(webp).toMatchObject({ mediaType: 'image/webp', width: 32, height: 18 })
    expect(await sharp(webp.bytes).metadata()).toMatchObject({ format: 'webp', width: 32, height: 18 })
    expect(jpeg.bytes.length).toBeLessThan(5_000)
  })
})
