import type { AssetMimeType } from '@storyloom/shared/api/assets'

/** How many leading bytes `sniffMediaType` looks at; fewer is fine for short files. */
export const SNIFF_BYTES = 256

/** ISO-BMFF brands of AVIF still images and image sequences. */
const AVIF_BRANDS = new Set(['avif', 'avis'])
/** Brands under which an AVIF file may be labelled, with `avif` among its compatible brands. */
const HEIF_BRANDS = new Set(['mif1', 'msf1', 'miaf'])
/** Major brands of MP4 video. QuickTime (`qt  `), HEIC, M4A audio and 3GP are not among them. */
const MP4_BRANDS = new Set([
  'isom', 'iso2', 'iso3', 'iso4', 'iso5', 'iso6', 'mp41', 'mp42', 'mp71', 'avc1', 'dash', 'M4V ', 'msnv', 'mmp4',
])
/** Major brands of MP4 audio (iTunes' M4A and audiobook M4B): a soundtrack, never a clip. */
const M4A_BRANDS = new Set(['M4A ', 'M4B '])

function startsWith(bytes: Uint8Array, signature: readonly number[], offset = 0): boolean {
  if (bytes.length < offset + signature.length) return false
  return signature.every((b, i) => bytes[offset + i] === b)
}

function ascii(bytes: Uint8Array, start: number, length: number): string {
  return String.fromCharCode(...bytes.subarray(start, start + length))
}

/** AVIF, MP4 video or M4A audio, from the `ftyp` box that opens every ISO-BMFF file. */
function sniffIsoBmff(bytes: Uint8Array): AssetMimeType | undefined {
  if (bytes.length < 16 || ascii(bytes, 4, 4) !== 'ftyp') return undefined
  const boxSize = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength).getUint32(0)
  if (boxSize < 16) return undefined
  const major = ascii(bytes, 8, 4)
  const compatible: string[] = []
  for (let at = 16; at + 4 <= Math.min(boxSize, bytes.length); at += 4) compatible.push(ascii(bytes, at, 4))

  if (AVIF_BRANDS.has(major)) return 'image/avif'
  if (HEIF_BRANDS.has(major)) return compatible.some((b) => AVIF_BRANDS.has(b)) ? 'image/avif' : undefined
  if (MP4_BRANDS.has(major)) return 'video/mp4'
  if (M4A_BRANDS.has(major)) return 'audio/mp4'
  return undefined
}

/** WAV (RIFF/WAVE) or WebP (RIFF/WEBP); other RIFF files (AVI) are refused. */
function sniffRiff(bytes: Uint8Array): AssetMimeType | undefined {
  if (bytes.length < 16 || ascii(bytes, 0, 4) !== 'RIFF') return undefined
  if (ascii(bytes, 8, 7) === 'WEBPVP8') return 'image/webp'
  if (ascii(bytes, 8, 8) === 'WAVEfmt ') return 'audio/wav'
  return undefined
}

/**
 * An MPEG audio (MP3) file: an ID3v2 tag, or a bare frame header whose version, layer, bitrate
 * and sample rate are not the reserved values (which also tells it from JPEG and AAC's ADTS).
 */
function sniffMpegAudio(bytes: Uint8Array): AssetMimeType | undefined {
  if (bytes.length >= 10 && ascii(bytes, 0, 3) === 'ID3' && bytes[3]! < 0xff) return 'audio/mpeg'
  if (bytes.length < 4 || bytes[0] !== 0xff || (bytes[1]! & 0xe0) !== 0xe0) return undefined
  const version = (bytes[1]! >> 3) & 3
  const layer = (bytes[1]! >> 1) & 3
  const bitrate = bytes[2]! >> 4
  const sampleRate = (bytes[2]! >> 2) & 3
  return version !== 1 && layer !== 0 && bitrate !== 0xf && sampleRate !== 3 ? 'audio/mpeg' : undefined
}

/** Ogg whose first stream is Vorbis or Opus audio (not Theora video, nor anything else). */
function sniffOgg(bytes: Uint8Array): AssetMimeType | undefined {
  if (bytes.length < 28 || ascii(bytes, 0, 4) !== 'OggS') return undefined
  const body = 27 + bytes[26]!
  if (ascii(bytes, body, 8) === 'OpusHead') return 'audio/ogg'
  if (bytes[body] === 1 && ascii(bytes, body + 1, 6) === 'vorbis') return 'audio/ogg'
  return undefined
}

/** WebM is Matroska with DocType "webm"; plain Matroska (.mkv) is refused. */
function sniffWebm(bytes: Uint8Array): AssetMimeType | undefined {
  if (!startsWith(bytes, [0x1a, 0x45, 0xdf, 0xa3])) return undefined
  for (let at = 4; at + 3 < bytes.length; at++) {
    // DocType element id 0x4282, then a one-byte size vint (0x80 | length).
    if (bytes[at] !== 0x42 || bytes[at + 1] !== 0x82) continue
    const sizeByte = bytes[at + 2]!
    if ((sizeByte & 0x80) === 0) return undefined
    const length = sizeByte & 0x7f
    return ascii(bytes, at + 3, length) === 'webm' ? 'video/webm' : undefined
  }
  return undefined
}

/**
 * The media type of a file from its first bytes (magic numbers), or undefined when it is not one
 * of the accepted asset types (pictures, and audio for a soundtrack). Declared types and file names are never trusted: an SVG or HTML
 * file renamed to .png is still refused.
 */
export function sniffMediaType(head: Uint8Array): AssetMimeType | undefined {
  if (startsWith(head, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'image/png'
  if (startsWith(head, [0xff, 0xd8, 0xff])) return 'image/jpeg'
  if (head.length >= 6 && (ascii(head, 0, 6) === 'GIF87a' || ascii(head, 0, 6) === 'GIF89a')) return 'image/gif'
  if (head.length >= 4 && ascii(head, 0, 4) === 'fLaC') return 'audio/flac'
  return sniffRiff(head) ?? sniffIsoBmff(head) ?? sniffWebm(head) ?? sniffOgg(head) ?? sniffMpegAudio(head)
}
