import { describe, expect, it } from 'vitest'
import { decodeFileText } from './fileText'

const SCENE = 'INT. KITCHEN - NIGHT\r\n\r\nMary waits. “Late again.”\r\n'

describe('decodeFileText', () => {
  it('reads UTF-8, with or without its byte order mark', () => {
    expect(decodeFileText(new TextEncoder().encode(SCENE))).toBe(SCENE)
    expect(decodeFileText(new Uint8Array([0xef, 0xbb, 0xbf, ...new TextEncoder().encode(SCENE)]))).toBe(SCENE)
  })

  it('reads UTF-16 by its byte order mark, as Windows editors save "Unicode" text', () => {
    const units = [...SCENE].map((ch) => ch.charCodeAt(0))
    expect(decodeFileText(new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])]))).toBe(SCENE)
    expect(decodeFileText(new Uint8Array([0xfe, 0xff, ...units.flatMap((u) => [u >> 8, u & 0xff])]))).toBe(SCENE)
  })
})
