/**
 * A picture's pixel size read from its header alone, without decoding it: what the browser
 * checks before decoding a file to be a take, and what the server records for an uploaded take.
 * A small PNG can declare 100000 × 100000 pixels (a decompression bomb); reading the header
 * first refuses it before any decoder allocates that. No dependency: both sides run it.
 */

/** The picture formats a take may be (PICTURE_MIME_TYPES' stills). */
export type PictureFormat = 'png' | 'jpeg' | 'gif' | 'webp' | 'avif'

/**
 * What a header says: a size; `truncated` (the bytes end before the size); `invalid` (it opens
 * like `format` but its header is damaged or declares no size); `unknown` (no picture format).
 */
export type PictureHeader =
  | { kind: 'size'; format: PictureFormat; width: number; height: number }
  | { kind: 'truncated'; format: PictureFormat }
  | { kind: 'invalid'; format: PictureFormat }
  | { kind: 'unknown' }

/** How many leading bytes are read first; only a JPEG with large metadata segments needs more. */
export const PICTURE_HEADER_BYTES = 64 * 1024

const ascii = (b: Uint8Array, at: number, length: number) => String.fromCharCode(...b.subarray(at, at + length))
const u16be = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!
const u16le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8)
const u24le = (b: Uint8Array, at: number) => b[at]! | (b[at + 1]! << 8) | (b[at + 2]! << 16)
const u32be = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!)

function sized(format: PictureFormat, width: number, height: number): PictureHeader {
  return width > 0 && height > 0 ? { kind: 'size', format, width, height } : { kind: 'invalid', format }
}

/** PNG: the IHDR chunk must come first, right after the signature. */
function png(b: Uint8Array): PictureHeader {
  if (b.length < 24) return { kind: 'truncated', format: 'png' }
  if (u32be(b, 8) !== 13 || ascii(b, 12, 4) !== 'IHDR') return { kind: 'invalid', format: 'png' }
  return sized('png', u32be(b, 16), u32be(b, 20))
}

/** GIF: the logical screen size (what browsers show frames in). */
function gif(b: Uint8Array): PictureHeader {
  if (b.length < 10) return { kind: 'truncated', format: 'gif' }
  return sized('gif', u16le(b, 6), u16le(b, 8))
}

/**
 * Whether an APP1 Exif segment's payload (from `start`, `end` exclusive) turns the picture a
 * quarter (orientation 5–8): browsers then show it, and decode it, with width and height swapped.
 */
function exifSwapsSides(b: Uint8Array, start: number, end: number): boolean {
  if (end > b.length || end - start < 14 || ascii(b, start, 6) !== 'Exif\0\0') return false
  const tiff = start + 6
  const little = ascii(b, tiff, 2) === 'II'
  const u16 = (at: number) => (little ? u16le(b, at) : u16be(b, at))
  const u32 = (at: number) => (little ? (u16le(b, at) | (u16le(b, at + 2) << 16)) >>> 0 : u32be(b, at))
  const ifd = tiff + u32(tiff + 4)
  if (ifd + 2 > end) return false
  const count = u16(ifd)
  for (let i = 0; i < count; i++) {
    const entry = ifd + 2 + i * 12
    if (entry + 12 > end) return false
    if (u16(entry) === 0x0112) return u16(entry + 8) >= 5 && u16(entry + 8) <= 8
  }
  return false
}

/** JPEG: walks the segments up to the first start-of-frame (SOF0–SOF15 but DHT, JPG, DAC). */
function jpeg(b: Uint8Array): PictureHeader {
  let at = 2
  let swapped = false
  for (;;) {
    while (at < b.length && b[at] === 0xff && b[at + 1] === 0xff) at++ // fill bytes
    if (at + 4 > b.length) return { kind: 'truncated', format: 'jpeg' }
    if (b[at] !== 0xff) return { kind: 'invalid', format: 'jpeg' }
    const marker = b[at + 1]!
    if (marker === 0x01 || (marker >= 0xd0 && marker <= 0xd7)) {
      at += 2 // no length
      continue
    }
    // End of image or start of scan before any frame header: no size to be had.
    if (marker === 0xd9 || marker === 0xda) return { kind: 'invalid', format: 'jpeg' }
    const length = u16be(b, at + 2)
    if (length < 2) return { kind: 'invalid', format: 'jpeg' }
    const isFrame = marker >= 0xc0 && marker <= 0xcf && marker !== 0xc4 && marker !== 0xc8 && marker !== 0xcc
    if (isFrame) {
      if (length < 8) return { kind: 'invalid', format: 'jpeg' }
      if (at + 9 > b.length) return { kind: 'truncated', format: 'jpeg' }
      const [width, height] = [u16be(b, at + 7), u16be(b, at + 5)]
      return swapped ? sized('jpeg', height, width) : sized('jpeg', width, height)
    }
    if (marker === 0xe1 && !swapped) swapped = exifSwapsSides(b, at + 4, at + 2 + length)
    at += 2 + length
  }
}

/** WebP: lossy (VP8), lossless (VP8L) or extended (VP8X, its canvas size). */
function webp(b: Uint8Array): PictureHeader {
  if (b.length < 30) return { kind: 'truncated', format: 'webp' }
  const chunk = ascii(b, 12, 4)
  if (chunk === 'VP8 ') {
    if (b[23] !== 0x9d || b[24] !== 0x01 || b[25] !== 0x2a) return { kind: 'invalid', format: 'webp' }
    return sized('webp', u16le(b, 26) & 0x3fff, u16le(b, 28) & 0x3fff)
  }
  if (chunk === 'VP8L') {
    if (b[20] !== 0x2f) return { kind: 'invalid', format: 'webp' }
    const bits = (b[21]! | (b[22]! << 8) | (b[23]! << 16) | (b[24]! << 24)) >>> 0
    return sized('webp', (bits & 0x3fff) + 1, ((bits >>> 14) & 0x3fff) + 1)
  }
  if (chunk === 'VP8X') return sized('webp', u24le(b, 24) + 1, u24le(b, 27) + 1)
  return { kind: 'invalid', format: 'webp' }
}

/** ISO-BMFF boxes of `b` between `start` and `end`: type, where the payload starts, where the box ends. */
function* boxes(b: Uint8Array, start: number, end: number): Generator<{ type: string; body: number; next: number } | 'truncated'> {
  let at = start
  while (at < end) {
    if (at + 8 > b.length) return yield 'truncated'
    let size = u32be(b, at)
    let header = 8
    if (size === 1) {
      if (at + 16 > b.length) return yield 'truncated'
      size = u32be(b, at + 8) * 2 ** 32 + u32be(b, at + 12)
      header = 16
    } else if (size === 0) size = end - at
    if (size < header) return
    yield { type: ascii(b, at + 4, 4), body: at + header, next: at + size }
    at += size
  }
}

/** AVIF: the largest image spatial extent (`ispe`) in meta/iprp/ipco: the full picture, not a tile or thumbnail. */
function avif(b: Uint8Array): PictureHeader {
  const path = ['meta', 'iprp', 'ipco']
  let start = 0
  let end = Number.MAX_SAFE_INTEGER
  for (const [depth, want] of path.entries()) {
    let found: { body: number; next: number } | undefined
    for (const box of boxes(b, start, end)) {
      if (box === 'truncated') return { kind: 'truncated', format: 'avif' }
      if (box.type === want) {
        found = box
        break
      }
    }
    if (!found) return { kind: depth === 0 && end > b.length ? 'truncated' : 'invalid', format: 'avif' }
    start = found.body + (want === 'meta' ? 4 : 0) // meta is a full box: version and flags first
    end = found.next
  }
  let best: { width: number; height: number } | undefined
  for (const box of boxes(b, start, end)) {
    if (box === 'truncated') return { kind: 'truncated', format: 'avif' }
    if (box.type !== 'ispe') continue
    if (box.body + 12 > b.length) return { kind: 'truncated', format: 'avif' }
    const size = { width: u32be(b, box.body + 4), height: u32be(b, box.body + 8) }
    if (!best || size.width * size.height > best.width * best.height) best = size
  }
  return best ? sized('avif', best.width, best.height) : { kind: 'invalid', format: 'avif' }
}

/** Whether an ISO-BMFF file's `ftyp` names AVIF as its major or a compatible brand. */
function isAvif(b: Uint8Array): boolean {
  if (b.length < 16 || ascii(b, 4, 4) !== 'ftyp') return false
  const end = Math.min(u32be(b, 0), b.length)
  for (let at = 8; at + 4 <= end; at += 4) if (at !== 12 && ['avif', 'avis'].includes(ascii(b, at, 4))) return true
  return false
}

/** Reads the pixel size from the first bytes of a picture file (see PictureHeader). */
export function readPictureHeader(b: Uint8Array): PictureHeader {
  if (b.length >= 8 && u32be(b, 0) === 0x89504e47 && u32be(b, 4) === 0x0d0a1a0a) return png(b)
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return jpeg(b)
  if (b.length >= 6 && (ascii(b, 0, 6) === 'GIF87a' || ascii(b, 0, 6) === 'GIF89a')) return gif(b)
  if (b.length >= 16 && ascii(b, 0, 4) === 'RIFF' && ascii(b, 8, 4) === 'WEBP') return webp(b)
  if (isAvif(b)) return avif(b)
  return { kind: 'unknown' }
}

/**
 * Reads a file's picture header through `read(length)` (its first `length` bytes): the first
 * PICTURE_HEADER_BYTES, then, if those end before the size (a JPEG's metadata can be long), the
 * whole file of `fileSize` bytes. `truncated` then means the file itself ends early.
 */
export async function readPictureHeaderOf(fileSize: number, read: (length: number) => Promise<Uint8Array>): Promise<PictureHeader> {
  const first = await read(Math.min(fileSize, PICTURE_HEADER_BYTES))
  const header = readPictureHeader(first)
  if (header.kind !== 'truncated' || first.length >= fileSize) return header
  return readPictureHeader(await read(fileSize))
}
