/**
 * A clip's frame size read from its container header, without decoding a frame: MP4 (the video
 * track's `tkhd` and its sample entry: avc1, hvc1, vp09, av01…) and WebM (the video track's
 * PixelWidth/PixelHeight). What the server records for a take's clip and what it refuses, as
 * for pictures (see pictureHeader.ts). No dependency; every length read from the file is checked
 * against the file before it is used, and the walk is bounded.
 */

/** The clip formats a take may be (PICTURE_MIME_TYPES' videos). */
export type ClipFormat = 'mp4' | 'webm'

/**
 * What a header says: `width`/`height` as a player shows a frame, `codedWidth`/`codedHeight` as
 * a decoder allocates one (the two differ for anamorphic or rotated video); `truncated` (the
 * file ends before the size); `invalid` (it opens like `format` but has no readable video track
 * size); `unknown` (no clip format).
 */
export type ClipHeader =
  | { kind: 'size'; format: ClipFormat; width: number; height: number; codedWidth: number; codedHeight: number }
  | { kind: 'truncated'; format: ClipFormat }
  | { kind: 'invalid'; format: ClipFormat }
  | { kind: 'unknown' }

/** `length` bytes of the file from `start` (fewer at its end). */
export type ReadFileRange = (start: number, length: number) => Promise<Uint8Array>

/** The most a movie header (`moov`) or a WebM `Tracks` element may take to be read whole. */
const MAX_HEADER_BYTES = 16 * 1024 * 1024
/** How many top-level boxes or elements are walked before giving up (a file of tiny junk boxes). */
const MAX_STEPS = 4096

const ascii = (b: Uint8Array, at: number, length: number) => String.fromCharCode(...b.subarray(at, at + length))
const u16 = (b: Uint8Array, at: number) => (b[at]! << 8) | b[at + 1]!
const u32 = (b: Uint8Array, at: number) => ((b[at]! << 24) >>> 0) + ((b[at + 1]! << 16) | (b[at + 2]! << 8) | b[at + 3]!)
const i32 = (b: Uint8Array, at: number) => u32(b, at) | 0

type Box = { type: string; body: number; end: number }

/** The boxes of `b` between `start` and `end`; stops at the first one that does not fit. */
function* boxesIn(b: Uint8Array, start: number, end: number): Generator<Box> {
  let at = start
  while (at + 8 <= end) {
    let size = u32(b, at)
    let header = 8
    if (size === 1) {
      if (at + 16 > end) return
      size = u32(b, at + 8) * 2 ** 32 + u32(b, at + 12)
      header = 16
    } else if (size === 0) size = end - at
    if (size < header || at + size > end) return
    yield { type: ascii(b, at + 4, 4), body: at + header, end: at + size }
    at += size
  }
}

const child = (b: Uint8Array, box: Box, type: string, skip = 0) => {
  for (const inner of boxesIn(b, box.body + skip, box.end)) if (inner.type === type) return inner
  return undefined
}

type Sides = { width: number; height: number }

/** A `trak`'s video frame sizes, or undefined for a track that is not video or declares none. */
function videoTrack(b: Uint8Array, trak: Box): { shown: Sides; coded: Sides } | undefined {
  const mdia = child(b, trak, 'mdia')
  const hdlr = mdia && child(b, mdia, 'hdlr')
  if (!hdlr || hdlr.body + 12 > hdlr.end || ascii(b, hdlr.body + 8, 4) !== 'vide') return undefined
  const minf = child(b, mdia, 'minf')
  const stbl = minf && child(b, minf, 'stbl')
  const stsd = stbl && child(b, stbl, 'stsd')
  // stsd is a full box (4 bytes) with an entry count (4 bytes); a visual sample entry has its size 24 bytes in.
  const entry = stsd && [...boxesIn(b, stsd.body + 8, stsd.end)][0]
  const declared = entry && entry.body + 28 <= entry.end ? { width: u16(b, entry.body + 24), height: u16(b, entry.body + 26) } : undefined
  const coded = declared && declared.width > 0 && declared.height > 0 ? declared : undefined
  const tkhd = child(b, trak, 'tkhd')
  let shown: Sides | undefined
  if (tkhd) {
    // Version 1 has 64-bit times: the matrix and the 16.16 size sit 12 bytes further on.
    const matrix = tkhd.body + (b[tkhd.body] === 1 ? 52 : 40)
    if (matrix + 44 <= tkhd.end) {
      const width = Math.round(u32(b, matrix + 36) / 65536)
      const height = Math.round(u32(b, matrix + 40) / 65536)
      // A quarter turn (a = d = 0, as phones record portrait video): players show it sides swapped.
      const quarter = i32(b, matrix) === 0 && i32(b, matrix + 16) === 0 && Math.abs(i32(b, matrix + 4)) === 65536
      if (width > 0 && height > 0) shown = quarter ? { width: height, height: width } : { width, height }
    }
  }
  if (!coded && !shown) return undefined
  return { shown: shown ?? coded!, coded: coded ?? shown! }
}

/** MP4: walks the top-level boxes to `moov` (often at the end), skipping `mdat` unread. */
async function mp4(fileSize: number, read: ReadFileRange): Promise<ClipHeader> {
  let at = 0
  for (let step = 0; step < MAX_STEPS && at < fileSize; step++) {
    const head = await read(at, 16)
    if (head.length < 8) return { kind: 'truncated', format: 'mp4' }
    let size = u32(head, 0)
    let header = 8
    if (size === 1) {
      if (head.length < 16) return { kind: 'truncated', format: 'mp4' }
      size = u32(head, 8) * 2 ** 32 + u32(head, 12)
      header = 16
    } else if (size === 0) size = fileSize - at
    if (size < header) return { kind: 'invalid', format: 'mp4' }
    if (ascii(head, 4, 4) === 'moov') {
      if (size > MAX_HEADER_BYTES) return { kind: 'invalid', format: 'mp4' }
      if (at + size > fileSize) return { kind: 'truncated', format: 'mp4' }
      const moov = await read(at, size)
      if (moov.length < size) return { kind: 'truncated', format: 'mp4' }
      return moovSize(moov, header)
    }
    at += size
  }
  // A box that runs past the end: the file was cut short; boxes that end with it and no moov: none was written.
  return { kind: at > fileSize ? 'truncated' : 'invalid', format: 'mp4' }
}

/** The largest video track of a `moov` box (`b`, its header `header` bytes long). */
function moovSize(b: Uint8Array, header: number): ClipHeader {
  let best: { shown: Sides; coded: Sides } | undefined
  for (const box of boxesIn(b, header, b.length)) {
    if (box.type !== 'trak') continue
    const track = videoTrack(b, box)
    if (track && (!best || track.coded.width * track.coded.height > best.coded.width * best.coded.height)) best = track
  }
  if (!best) return { kind: 'invalid', format: 'mp4' }
  return { kind: 'size', format: 'mp4', ...best.shown, codedWidth: best.coded.width, codedHeight: best.coded.height }
}

/** An EBML variable-length integer at `at`: its value (or `unknown`, all ones) and length; undefined if cut short or malformed. */
function vint(b: Uint8Array, at: number, keepMarker: boolean): { value: number | 'unknown'; length: number } | undefined {
  const first = b[at]
  if (first === undefined || first === 0) return undefined
  const length = Math.clz32(first) - 23
  if (at + length > b.length || length > 8) return undefined
  let value = keepMarker ? first : first & (0xff >> length)
  let allOnes = value === 0xff >> length
  for (let i = 1; i < length; i++) {
    value = value * 256 + b[at + i]!
    allOnes &&= b[at + i] === 0xff
  }
  return { value: !keepMarker && allOnes ? 'unknown' : value, length }
}

type Element = { id: number; size: number | 'unknown'; body: number }

function element(b: Uint8Array, at: number): Element | undefined {
  const id = vint(b, at, true)
  const size = id && vint(b, at + id.length, false)
  if (!id || !size || id.length > 4) return undefined
  return { id: id.value as number, size: size.value, body: at + id.length + size.length }
}

const EBML = 0x1a45dfa3
const SEGMENT = 0x18538067
const CLUSTER = 0x1f43b675
const TRACKS = 0x1654ae6b
const TRACK_ENTRY = 0xae
const TRACK_TYPE = 0x83
const VIDEO = 0xe0
const PIXEL_WIDTH = 0xb0
const PIXEL_HEIGHT = 0xba
const VIDEO_TRACK = 1

/** The known-size child elements of `b` between `start` and `end`. */
function* elementsIn(b: Uint8Array, start: number, end: number): Generator<Element & { size: number }> {
  let at = start
  while (at < end) {
    const e = element(b, at)
    if (!e || e.size === 'unknown' || e.body + e.size > end) return
    yield e as Element & { size: number }
    at = e.body + e.size
  }
}

function uint(b: Uint8Array, e: { body: number; size: number }): number {
  let value = 0
  for (let i = 0; i < Math.min(e.size, 6); i++) value = value * 256 + b[e.body + i]!
  return value
}

/** The largest video track's PixelWidth × PixelHeight in a `Tracks` element's body. */
function tracksSize(b: Uint8Array): ClipHeader {
  let best: Sides | undefined
  for (const entry of elementsIn(b, 0, b.length)) {
    if (entry.id !== TRACK_ENTRY) continue
    let type = 0
    const sides = { width: 0, height: 0 }
    for (const e of elementsIn(b, entry.body, entry.body + entry.size)) {
      if (e.id === TRACK_TYPE) type = uint(b, e)
      if (e.id !== VIDEO) continue
      for (const v of elementsIn(b, e.body, e.body + e.size)) {
        if (v.id === PIXEL_WIDTH) sides.width = uint(b, v)
        if (v.id === PIXEL_HEIGHT) sides.height = uint(b, v)
      }
    }
    if (type === VIDEO_TRACK && sides.width > 0 && sides.height > 0 && (!best || sides.width * sides.height > best.width * best.height)) best = sides
  }
  if (!best) return { kind: 'invalid', format: 'webm' }
  return { kind: 'size', format: 'webm', ...best, codedWidth: best.width, codedHeight: best.height }
}

/** WebM: the EBML header, then the Segment's children up to `Tracks` (before the first Cluster). */
async function webm(fileSize: number, read: ReadFileRange): Promise<ClipHeader> {
  const cut = { kind: 'truncated', format: 'webm' } as const
  const bad = { kind: 'invalid', format: 'webm' } as const
  const headerAt = async (at: number) => element(await read(at, 12), 0)
  const ebml = await headerAt(0)
  if (!ebml || ebml.size === 'unknown') return ebml ? bad : cut
  const segmentAt = ebml.body + ebml.size
  const segment = await headerAt(segmentAt)
  if (!segment) return segmentAt >= fileSize ? cut : bad
  if (segment.id !== SEGMENT) return bad
  const end = segment.size === 'unknown' ? fileSize : Math.min(fileSize, segmentAt + segment.body + segment.size)
  let at = segmentAt + segment.body
  for (let step = 0; step < MAX_STEPS; step++) {
    if (at >= end) return cut
    const e = await headerAt(at)
    if (!e) return at + 12 > fileSize ? cut : bad
    // Frames begin: a WebM's tracks come before them, so there are none to be had.
    if (e.id === CLUSTER || e.size === 'unknown') return bad
    const bodyAt = at + e.body
    if (e.id === TRACKS) {
      if (e.size > MAX_HEADER_BYTES) return bad
      const body = await read(bodyAt, e.size)
      return body.length < e.size ? cut : tracksSize(body)
    }
    at = bodyAt + e.size
  }
  return bad
}

/**
 * Reads a clip file's frame size through `read` (see ClipHeader): only the headers, never the
 * frames, so a large clip costs a few small reads.
 */
export async function readClipHeaderOf(fileSize: number, read: ReadFileRange): Promise<ClipHeader> {
  const first = await read(0, 16)
  if (first.length >= 12 && ascii(first, 4, 4) === 'ftyp') return mp4(fileSize, read)
  if (first.length >= 4 && u32(first, 0) === EBML) return webm(fileSize, read)
  return { kind: 'unknown' }
}
