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
    ['M4A audio', ftyp('M4A ', 'M4A ', 'mp42', 'isom')],
    ['Matroska', ebml('matroska')],
    ['WAV', bytes('RIFF', [36, 0, 0, 0], 'WAVEfmt ')],
    ['PDF', bytes('%PDF-1.7')],
  ])('refuses %s', (_name, head) => {
    expect(sniffMediaType(head)).toBeUndefined()
  })
})
