/**
 * Reading an animated WebP's container (RIFF `WEBP`: `VP8X`, `ANIM`, one `ANMF` per frame) so a
 * generated clip can be played frame by frame without WebCodecs: each frame's place, timing and
 * compositing rules, and its image rebuilt as a standalone still WebP any browser can decode.
 * See https://developers.google.com/speed/webp/docs/riff_container#animation.
 */

/** One frame of an animated WebP, as its `ANMF` chunk describes it. */
export interface WebpFrame {
  /** Where the frame's rectangle sits on the canvas, and its size, in pixels. */
  readonly x: number
  readonly y: number
  readonly width: number
  readonly height: number
  /** How long the frame shows, in seconds. */
  readonly duration: number
  /** Alpha-blend onto the canvas (true), or replace the rectangle's pixels (false). */
  readonly blend: boolean
  /** After it has been shown, clear its rectangle to transparent before the next frame. */
  readonly disposeToBackground: boolean
  /** Whether the frame's image can have transparent pixels (an `ALPH` chunk, or lossless). */
  readonly hasAlpha: boolean
  /** The frame's image chunks: an optional `ALPH` then `VP8 ` or `VP8L`, each with its header. */
  readonly alph: Uint8Array | null
  readonly bitstream: Uint8Array
}

/** An animated WebP: its canvas size and its frames in order. */
export interface AnimatedWebp {
  readonly width: number
  readonly height: number
  readonly frames: readonly WebpFrame[]
}

/**
 * What a file may ask for before it is refused (a corrupt or hostile file must not make the
 * player allocate without bound): frames, and the canvas's side and area in pixels. Clips are
 * at most 2048 px a side and 30 s × 60 fps.
 */
export const WEBP_LIMITS: WebpLimits = { maxFrames: 4096, maxSide: 4096, maxArea: 4096 * 4096 }

/** See {@link WEBP_LIMITS}. */
export type WebpLimits = { readonly maxFrames: number; readonly maxSide: number; readonly maxArea: number }

const fourCC = (bytes: Uint8Array, at: number) => String.fromCharCode(bytes[at]!, bytes[at + 1]!, bytes[at + 2]!, bytes[at + 3]!)
const uint24 = (bytes: Uint8Array, at: number) => bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16)

type Chunk = { type: string; start: number; payload: Uint8Array }

/** The chunks in `bytes[from, to)`: FourCC, little-endian payload size, payload padded to even. Null if one overruns. */
function chunks(bytes: Uint8Array, from: number, to: number): Chunk[] | null {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength)
  const found: Chunk[] = []
  for (let at = from; at + 8 <= to; ) {
    const size = view.getUint32(at + 4, true)
    if (at + 8 + size > to) return null
    found.push({ type: fourCC(bytes, at), start: at, payload: bytes.subarray(at + 8, at + 8 + size) })
    at += 8 + size + (size & 1)
  }
  return found
}

/** The chunk with its 8-byte header (what a still file holds as is). */
const withHeader = (bytes: Uint8Array, chunk: Chunk) => bytes.subarray(chunk.start, chunk.start + 8 + chunk.payload.length)

/** The image size a `VP8 ` (key frame header) or `VP8L` (signature 0x2f) bitstream declares. */
function bitstreamSize({ type, payload: p }: Chunk): { width: number; height: number } | null {
  if (type === 'VP8L') {
    if (p.length < 5 || p[0] !== 0x2f) return null
    const bits = p[1]! | (p[2]! << 8) | (p[3]! << 16) | (p[4]! << 24)
    return { width: (bits & 0x3fff) + 1, height: ((bits >>> 14) & 0x3fff) + 1 }
  }
  if (p.length < 10 || p[3] !== 0x9d || p[4] !== 0x01 || p[5] !== 0x2a) return null
  return { width: (p[6]! | (p[7]! << 8)) & 0x3fff, height: (p[8]! | (p[9]! << 8)) & 0x3fff }
}

/** A frame from an `ANMF` payload, or null when it is cut short, overruns the canvas or has no image of its size. */
function frame(bytes: Uint8Array, anmf: Chunk, canvasWidth: number, canvasHeight: number): WebpFrame | null {
  const p = anmf.payload
  if (p.length < 16) return null
  const x = uint24(p, 0) * 2
  const y = uint24(p, 3) * 2
  const width = uint24(p, 6) + 1
  const height = uint24(p, 9) + 1
  if (x + width > canvasWidth || y + height > canvasHeight) return null
  const flags = p[15]!
  const inner = chunks(bytes, p.byteOffset - bytes.byteOffset + 16, p.byteOffset - bytes.byteOffset + p.length)
  if (!inner) return null
  // Frame data: an optional ALPH, then one VP8 or VP8L; unknown chunks are skipped, as the spec says.
  const image = inner.find((c) => c.type === 'VP8 ' || c.type === 'VP8L')
  const size = image && bitstreamSize(image)
  // The spec has the bitstream's size match the frame's; a decoder would trust the bitstream's.
  if (!size || size.width !== width || size.height !== height) return null
  const alphChunk = image.type === 'VP8 ' ? inner.find((c) => c.type === 'ALPH' && c.start < image.start) : undefined
  return {
    x,
    y,
    width,
    height,
    duration: uint24(p, 12) / 1000,
    blend: (flags & 2) === 0,
    disposeToBackground: (flags & 1) === 1,
    hasAlpha: image.type === 'VP8L' || alphChunk !== undefined,
    alph: alphChunk ? withHeader(bytes, alphChunk) : null,
    bitstream: withHeader(bytes, image),
  }
}

/**
 * The canvas and frames of an animated WebP, read from its container without decoding any
 * image. Null when `bytes` is not an animated WebP (a still, another format), is corrupt (a
 * chunk cut short, a frame outside the canvas or without an image) or asks for more than
 * `limits` allow.
 */
export function parseAnimatedWebp(bytes: Uint8Array, limits: WebpLimits = WEBP_LIMITS): AnimatedWebp | null {
  if (bytes.length < 12 || fourCC(bytes, 0) !== 'RIFF' || fourCC(bytes, 8) !== 'WEBP') return null
  const riffEnd = Math.min(bytes.length, 8 + new DataView(bytes.buffer, bytes.byteOffset, 8).getUint32(4, true))
  const top = chunks(bytes, 12, riffEnd)
  const vp8x = top?.[0]
  if (!top || vp8x?.type !== 'VP8X' || vp8x.payload.length < 10) return null
  const width = uint24(vp8x.payload, 4) + 1
  const height = uint24(vp8x.payload, 7) + 1
  if (width > limits.maxSide || height > limits.maxSide || width * height > limits.maxArea) return null
  const frames: WebpFrame[] = []
  for (const chunk of top) {
    if (chunk.type !== 'ANMF') continue
    const f = frames.length < limits.maxFrames ? frame(bytes, chunk, width, height) : null
    if (!f) return null
    frames.push(f)
  }
  return frames.length > 0 ? { width, height, frames } : null
}

/** A RIFF chunk header: FourCC and little-endian payload size. */
function header(type: string, size: number): Uint8Array {
  const out = new Uint8Array(8)
  for (let i = 0; i < 4; i++) out[i] = type.charCodeAt(i)
  new DataView(out.buffer).setUint32(4, size, true)
  return out
}

/**
 * A frame's image as a standalone still WebP file: its `VP8 `/`VP8L` chunk alone, or with an
 * `ALPH` chunk behind a `VP8X` header flagged for alpha (the layout a lossy still with
 * transparency has), sized to the frame's rectangle. Any decoder (`createImageBitmap`, `<img>`)
 * takes it.
 */
export function stillWebp(frame: WebpFrame): Uint8Array<ArrayBuffer> {
  const parts: Uint8Array[] = []
  if (frame.alph) {
    const vp8x = new Uint8Array(10)
    vp8x[0] = 0x10 // the alpha flag
    const w = frame.width - 1
    const h = frame.height - 1
    vp8x.set([w & 255, (w >> 8) & 255, (w >> 16) & 255, h & 255, (h >> 8) & 255, (h >> 16) & 255], 4)
    parts.push(header('VP8X', 10), vp8x, frame.alph)
    if (frame.alph.length & 1) parts.push(new Uint8Array(1))
  }
  parts.push(frame.bitstream)
  if (frame.bitstream.length & 1) parts.push(new Uint8Array(1))
  const body = parts.reduce((n, part) => n + part.length, 4)
  const out = new Uint8Array(8 + body)
  out.set(header('RIFF', body), 0)
  out.set([0x57, 0x45, 0x42, 0x50], 8) // WEBP
  let at = 12
  for (const part of parts) {
    out.set(part, at)
    at += part.length
  }
  return out
}
