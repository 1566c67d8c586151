/**
 * Small MP4 and WebM files built byte by byte for tests of the clip header reader and of what
 * the server does with a clip: only the boxes and elements a header reader looks at.
 */

type Sides = { width: number; height: number }

const text = (s: string) => [...s].map((c) => c.charCodeAt(0))
/** `value` as `bytes` big-endian bytes. */
export const be = (value: number, bytes: number) => Array.from({ length: bytes }, (_, i) => Math.floor(value / 256 ** (bytes - 1 - i)) % 256)

/** An ISO-BMFF box of `type` around `parts`. */
export const box = (type: string, ...parts: number[][]) => {
  const body = parts.flat()
  return [...be(8 + body.length, 4), ...text(type), ...body]
}

/** A 16.16 matrix: identity, or a quarter turn (what a phone records a portrait video with). */
const matrix = (quarter: boolean) =>
  (quarter ? [0, 65536, 0, -65536, 0, 0, 0, 0, 0x40000000] : [65536, 0, 0, 0, 65536, 0, 0, 0, 0x40000000]).flatMap((v) => be(v >>> 0, 4))

/** A `trak` of `kind` with a `tkhd` of size `shown` and one `sample` entry of size `coded`. */
export function trak(kind: 'vide' | 'soun', sample: string, shown: Sides, coded = shown, { version = 0, quarter = false } = {}) {
  const times = version === 1 ? [...be(0, 8), ...be(0, 8), ...be(1, 4), ...be(0, 4), ...be(0, 8)] : [...be(0, 4), ...be(0, 4), ...be(1, 4), ...be(0, 4), ...be(0, 4)]
  const tkhd = box('tkhd', [version, 0, 0, 3], times, be(0, 8), be(0, 8), matrix(quarter), be(shown.width * 65536, 4), be(shown.height * 65536, 4))
  const hdlr = box('hdlr', be(0, 4), be(0, 4), text(kind), be(0, 12), [0])
  const entry = box(sample, be(0, 6), be(1, 2), be(0, 16), be(coded.width, 2), be(coded.height, 2), be(0x00480000, 4), be(0x00480000, 4), be(0, 4), be(1, 2), be(0, 32), be(0x18, 2), be(0xffff, 2))
  const stsd = box('stsd', be(0, 4), be(1, 4), entry)
  return box('trak', tkhd, box('mdia', box('mdhd', be(0, 24)), hdlr, box('minf', box('stbl', stsd))))
}

export const ftyp = box('ftyp', text('isom'), be(512, 4), text('isomavc1'))

/** An MP4 file of `boxes` (give `ftyp` first). */
export const mp4 = (...boxes: number[][]) => new Uint8Array(boxes.flat())

/** A faststart MP4 with one H.264 video track of `size`, then a few frame bytes. */
export const mp4Clip = (size: Sides, fill = 0) => mp4(ftyp, box('moov', trak('vide', 'avc1', size)), box('mdat', new Array(32).fill(fill)))

/** An EBML element: its id (marker included), its size (one byte when it fits, as muxers write it, else eight), its body. */
export const el = (id: number, ...parts: number[][]) => {
  const body = parts.flat()
  const idBytes = be(id, id > 0xffffff ? 4 : id > 0xffff ? 3 : id > 0xff ? 2 : 1)
  const size = body.length < 0x7f ? [0x80 | body.length] : [0x01, ...be(body.length, 7)]
  return [...idBytes, ...size, ...body]
}
/** An unsigned-integer EBML element. */
export const uint = (id: number, value: number) => el(id, be(value, 2))
export const ebmlHeader = el(0x1a45dfa3, el(0x4282, text('webm')))
export const TRACKS = 0x1654ae6b
export const videoTrack = (width: number, height: number) => el(0xae, uint(0xd7, 1), uint(0x83, 1), el(0x86, text('V_VP9')), el(0xe0, uint(0xb0, width), uint(0xba, height)))
export const audioTrack = el(0xae, uint(0xd7, 2), uint(0x83, 2), el(0x86, text('A_OPUS')))
export const cluster = el(0x1f43b675, uint(0xe7, 0), el(0xa3, new Array(64).fill(7)))

/** A WebM file: the EBML header, then a Segment of `segmentBody` (of known or unknown size). */
export const webm = (segmentBody: number[][], segmentSize: 'known' | 'unknown' = 'known') => {
  const body = segmentBody.flat()
  const size = segmentSize === 'known' ? [0x01, ...be(body.length, 7)] : [0x01, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff]
  return new Uint8Array([...ebmlHeader, ...be(0x18538067, 4), ...size, ...body])
}

/** A WebM with one VP9 video track of `size`, then a cluster of frames. */
export const webmClip = (size: Sides) => webm([el(TRACKS, videoTrack(size.width, size.height)), cluster])
