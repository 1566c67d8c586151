import { describe, expect, it } from 'vitest'
import { sniffMediaType } from './sniffMediaType'

const bytes = (...parts: (string | number[])[]) =>
  new Uint8Array(parts.flatMap((p) => (typeof p === 'string' ? [...p].map((ch) => ch.charCodeAt(0)) : p)))

/** An ISO-BMFF `ftyp` box with the given brands, followed by some payload. */
function ftyp(major: string, ...compatible: string[]): Uint8Array {
  const size = 16 + 4 * compatible.length
  return bytes([0, 0, 0, size], 'ftyp', major, [0, 0, 0, 0], ...compatible, [0, 0, 0, 8], 'mdat')
}

/** A WebM/Matroska EBML header with the given DocType. */
function ebml(docType: string): Uint8Array {
  return bytes([0x1a, 0x45, 0xdf, 0xa3, 0x9f, 0x42, 0x86, 0x81, 0x01, 0x42, 0x82, 0x80 | docType.length], docType, [0x42, 0x87])
}

/** A real PCM WAV file: 16-bit mono at 8 kHz, `samples` samples of a quiet square wave. */
function wav(samples: number): Uint8Array {
  const data = samples * 2
  const view = new DataView(new ArrayBuffer(44 + data))
  const text = (at: number, value: string) => [...value].forEach((ch, i) => view.setUint8(at + i, ch.charCodeAt(0)))
  text(0, 'RIFF')
  view.setUint32(4, 36 + data, true)
  text(8, 'WAVE')
  text(12, 'fmt ')
  view.setUint32(16, 16, true)
  view.setUint16(20, 1, true) // PCM
  view.setUint16(22, 1, true) // mono
  view.setUint32(24, 8000, true)
  view.setUint32(28, 16_000, true)
  view.setUint16(32, 2, true)
  view.setUint16(34, 16, true)
  text(36, 'data')
  view.setUint32(40, data, true)
  for (let i = 0; i < samples; i++) view.setInt16(44 + 2 * i, i % 20 < 10 ? 1000 : -1000, true)
  return new Uint8Array(view.buffer)
}

/** An Ogg page opening a logical stream whose first packet starts with `packet`. */
function oggPage(packet: string | number[]): Uint8Array {
  const body = bytes(packet)
  return bytes('OggS', [0, 2], [0, 0, 0, 0, 0, 0, 0, 0], [1, 0, 0, 0], [0, 0, 0, 0], [0, 0, 0, 0], [1, body.length], [...body])
}

describe('sniffMediaType', () => {
  it.each([
    ['image/png', bytes([0x89], 'PNG', [0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], 'IHDR')],
    ['image/jpeg', bytes([0xff, 0xd8, 0xff, 0xe0, 0, 16], 'JFIF')],
    ['image/gif', bytes('GIF89a', [1, 0, 1, 0])],
    ['image/gif', bytes('GIF87a', [1, 0, 1, 0])],
    ['image/webp', bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8 ', [0, 0, 0, 0])],
    ['image/webp', bytes('RIFF', [36, 0, 0, 0], 'WEBPVP8L', [0, 0, 0, 0])],
    ['image/avif', ftyp('avif', 'mif1', 'miaf')],
    ['image/avif', ftyp('mif1', 'avif', 'miaf')],
    ['image/avif', ftyp('avis', 'msf1')],
    ['video/mp4', ftyp('isom', 'isom', 'iso2', 'avc1', 'mp41')],
    ['video/mp4', ftyp('mp42', 'mp41')],
    ['video/webm', ebml('webm')],
    ['audio/wav', wav(400)],
    // MPEG-1 Layer III, 128 kbit/s, 44.1 kHz, no CRC: a bare MP3 frame header.
    ['audio/mpeg', bytes([0xff, 0xfb, 0x90, 0x64], new Array(60).fill(0))],
    // MPEG-2 Layer III (22.05 kHz), as low-rate voice memos are.
    ['audio/mpeg', bytes([0xff, 0xf3, 0x64, 0xc4], new Array(60).fill(0))],
    ['audio/mpeg', bytes('ID3', [4, 0, 0, 0, 0, 0, 0x21], 'TIT2')],
    ['audio/mp4', ftyp('M4A ', 'M4A ', 'mp42', 'isom')],
    ['audio/mp4', ftyp('M4B ', 'M4B ', 'mp42', 'isom')],
    ['audio/ogg', oggPage([1, ...'vorbis'.split('').map((c) => c.charCodeAt(0)), 0, 0, 0, 0, 2])],
    ['audio/ogg', oggPage('OpusHead')],
    ['audio/flac', bytes('fLaC', [0, 0, 0, 34])],
  ])('recognises %s', (type, head) => {
    expect(sniffMediaType(head)).toBe(type)
  })

  it.each([
    ['SVG', bytes('<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>')],
    ['SVG with an XML prolog', bytes('<?xml version="1.0"?><svg/>')],
    ['HTML', bytes('<!doctype html><html><script>alert(1)</script>')],
    ['plain text', bytes('hello, world')],
    ['an empty file', new Uint8Array()],
    ['a truncated PNG signature', bytes([0x89], 'PNG')],
    ['QuickTime', ftyp('qt  ', 'qt  ')],
    ['HEIC', ftyp('heic', 'mif1', 'heic')],
    ['Matroska', ebml('matroska')],
    ['a RIFF file that is neither WebP nor WAV (AVI)', bytes('RIFF', [36, 0, 0, 0], 'AVI LIST')],
    ['Ogg Theora video', oggPage([0x80, ...'theora'.split('').map((c) => c.charCodeAt(0))])],
    ['a frame sync with a reserved layer', bytes([0xff, 0xf9, 0x50, 0x80], new Array(60).fill(0))],
    ['a frame sync with a bad bitrate', bytes([0xff, 0xfb, 0xf0, 0x64], new Array(60).fill(0))],
    ['PDF', bytes('%PDF-1.7')],
  ])('refuses %s', (_name, head) => {
    expect(sniffMediaType(head)).toBeUndefined()
  })
})
