import { describe, expect, it } from 'vitest'
import { PICTURE_HEADER_BYTES, readPictureHeader, readPictureHeaderOf } from './pictureHeader'

const bytes = (...parts: (number[] | string | Uint8Array)[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((c) => c.charCodeAt(0)) : [...p])))
const be32 = (n: number) => [(n >>> 24) & 0xff, (n >>> 16) & 0xff, (n >>> 8) & 0xff, n & 0xff]
const be16 = (n: number) => [(n >>> 8) & 0xff, n & 0xff]
const le16 = (n: number) => [n & 0xff, (n >>> 8) & 0xff]
const le24 = (n: number) => [n & 0xff, (n >>> 8) & 0xff, (n >>> 16) & 0xff]

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]
const png = (w: number, h: number) => bytes(PNG_SIGNATURE, be32(13), 'IHDR', be32(w), be32(h), [8, 2, 0, 0, 0], be32(0))
/** A JPEG whose frame header follows an APP1 segment of `app1Bytes` bytes. */
const jpeg = (w: number, h: number, app1Bytes = 16) =>
  bytes([0xff, 0xd8, 0xff, 0xe1], be16(app1Bytes + 2), new Uint8Array(app1Bytes), [0xff, 0xc0], be16(17), [8], be16(h), be16(w), [3], new Uint8Array(9))
const riff = (chunk: string, payload: Uint8Array) => bytes('RIFF', le24(payload.length + 12), [0], 'WEBP', chunk, le24(payload.length), [0], payload)
const box = (type: string, ...body: (number[] | string | Uint8Array)[]) => {
  const inner = bytes(...body)
  return bytes(be32(inner.length + 8), type, inner)
}
const avif = (...sizes: [number, number][]) =>
  bytes(
    box('ftyp', 'avif', be32(0), 'mif1', 'miaf'),
    box('meta', be32(0), box('hdlr', new Uint8Array(24)), box('iprp', box('ipco', ...sizes.map(([w, h]) => box('ispe', be32(0), be32(w), be32(h)))))),
    box('mdat', new Uint8Array(32)),
  )

describe('readPictureHeader', () => {
  it('reads the size of each picture format from its header', () => {
    expect(readPictureHeader(png(1920, 1080))).toEqual({ kind: 'size', format: 'png', width: 1920, height: 1080 })
    expect(readPictureHeader(jpeg(640, 480))).toEqual({ kind: 'size', format: 'jpeg', width: 640, height: 480 })
    expect(readPictureHeader(bytes('GIF89a', le16(320), le16(200), new Uint8Array(8)))).toEqual({ kind: 'size', format: 'gif', width: 320, height: 200 })
    const vp8 = bytes([0, 0, 0], [0x9d, 0x01, 0x2a], le16(800), le16(600), new Uint8Array(8))
    expect(readPictureHeader(riff('VP8 ', vp8))).toEqual({ kind: 'size', format: 'webp', width: 800, height: 600 })
    const lossless = (1023 | (767 << 14)) >>> 0 // width - 1, height - 1 in 14 bits each
    expect(readPictureHeader(riff('VP8L', bytes([0x2f], [lossless & 0xff, (lossless >>> 8) & 0xff, (lossless >>> 16) & 0xff, lossless >>> 24], new Uint8Array(8)))))
      .toEqual({ kind: 'size', format: 'webp', width: 1024, height: 768 })
    expect(readPictureHeader(riff('VP8X', bytes(new Uint8Array(4), le24(99_999), le24(4_999), new Uint8Array(4)))))
      .toEqual({ kind: 'size', format: 'webp', width: 100_000, height: 5_000 })
    // A grid picture: the full image's extent, not its tiles'.
    expect(readPictureHeader(avif([512, 512], [2048, 1024]))).toEqual({ kind: 'size', format: 'avif', width: 2048, height: 1024 })
  })

  it('reads a JPEG turned a quarter by its Exif orientation as browsers show it, sides swapped', () => {
    const exif = (orientation: number, order: 'II' | 'MM') => {
      const u16 = order === 'II' ? le16 : be16
      const u32 = (n: number) => (order === 'II' ? [...le16(n & 0xffff), ...le16(n >>> 16)] : be32(n))
      return bytes('Exif', [0, 0], order, u16(42), u32(8), u16(1), u16(0x0112), u16(3), u32(1), u16(orientation), [0, 0], u32(0))
    }
    const photo = (app1: Uint8Array) => {
      const frame = jpeg(4000, 3000)
      return bytes(frame.subarray(0, 2), [0xff, 0xe1], be16(app1.length + 2), app1, frame.subarray(2))
    }
    expect(readPictureHeader(photo(exif(6, 'II')))).toMatchObject({ width: 3000, height: 4000 })
    expect(readPictureHeader(photo(exif(8, 'MM')))).toMatchObject({ width: 3000, height: 4000 })
    expect(readPictureHeader(photo(exif(3, 'MM')))).toMatchObject({ width: 4000, height: 3000 })
  })

  it('reads the size a tiny file declares, however large (a decompression bomb)', () => {
    expect(readPictureHeader(png(100_000, 100_000))).toMatchObject({ width: 100_000, height: 100_000 })
  })

  it('says a header that ends early is truncated', () => {
    expect(readPictureHeader(png(10, 10).subarray(0, 20))).toEqual({ kind: 'truncated', format: 'png' })
    expect(readPictureHeader(jpeg(10, 10, 200).subarray(0, 100))).toEqual({ kind: 'truncated', format: 'jpeg' })
    expect(readPictureHeader(bytes('GIF89a', [1]))).toEqual({ kind: 'truncated', format: 'gif' })
    expect(readPictureHeader(bytes('RIFF', [0, 0, 0, 0], 'WEBPVP8 '))).toEqual({ kind: 'truncated', format: 'webp' })
    expect(readPictureHeader(avif([64, 64]).subarray(0, 60))).toEqual({ kind: 'truncated', format: 'avif' })
  })

  it('says a header that lies about its layout, or declares no pixels, is invalid', () => {
    const noIhdr = png(10, 10)
    noIhdr.set([...'IDAT'].map((c) => c.charCodeAt(0)), 12)
    expect(readPictureHeader(noIhdr)).toEqual({ kind: 'invalid', format: 'png' })
    expect(readPictureHeader(png(0, 10))).toEqual({ kind: 'invalid', format: 'png' })
    expect(readPictureHeader(bytes([0xff, 0xd8, 0xff, 0xda], be16(8), new Uint8Array(8)))).toEqual({ kind: 'invalid', format: 'jpeg' })
    expect(readPictureHeader(bytes([0xff, 0xd8, 0xff, 0xe0], be16(0), new Uint8Array(8)))).toEqual({ kind: 'invalid', format: 'jpeg' })
    expect(readPictureHeader(bytes([0xff, 0xd8, 0xff, 0xe0], be16(4), [0, 0], [0x12, 0x34, 0, 0]))).toEqual({ kind: 'invalid', format: 'jpeg' })
    expect(readPictureHeader(riff('VP8 ', new Uint8Array(16)))).toEqual({ kind: 'invalid', format: 'webp' })
    expect(readPictureHeader(avif())).toEqual({ kind: 'invalid', format: 'avif' })
  })

  it('says a file that is no picture is unknown', () => {
    expect(readPictureHeader(bytes('<!doctype html><svg>'))).toEqual({ kind: 'unknown' })
    expect(readPictureHeader(box('ftyp', 'isom', be32(0), 'isom', 'mp41'))).toEqual({ kind: 'unknown' })
    expect(readPictureHeader(new Uint8Array(0))).toEqual({ kind: 'unknown' })
  })
})

describe('readPictureHeaderOf', () => {
  const reader = (file: Uint8Array) => {
    const lengths: number[] = []
    return { lengths, read: async (length: number) => (lengths.push(length), file.subarray(0, length)) }
  }

  it('reads only the first bytes when they hold the size', async () => {
    const file = bytes(png(300, 200), new Uint8Array(PICTURE_HEADER_BYTES * 2))
    const { lengths, read } = reader(file)
    expect(await readPictureHeaderOf(file.length, read)).toMatchObject({ kind: 'size', width: 300, height: 200 })
    expect(lengths).toEqual([PICTURE_HEADER_BYTES])
  })

  it('reads on to the end for a JPEG whose metadata outgrows the first bytes', async () => {
    const app2 = bytes([0xff, 0xe2], be16(40_002), new Uint8Array(40_000)) // ICC profile parts
    const frame = jpeg(4000, 3000)
    const file = bytes(frame.subarray(0, 2), app2, app2, frame.subarray(2))
    expect(file.length).toBeGreaterThan(PICTURE_HEADER_BYTES)
    const { lengths, read } = reader(file)
    expect(await readPictureHeaderOf(file.length, read)).toMatchObject({ kind: 'size', width: 4000, height: 3000 })
    expect(lengths).toEqual([PICTURE_HEADER_BYTES, file.length])
  })

  it('says truncated when the file itself ends before the size', async () => {
    const file = jpeg(10, 10, 200).subarray(0, 100)
    expect(await readPictureHeaderOf(file.length, reader(file).read)).toEqual({ kind: 'truncated', format: 'jpeg' })
  })
})
