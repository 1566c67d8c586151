import { describe, expect, it } from 'vitest'
import { webpFrameDurations } from './webpFrameDurations'

/** A RIFF chunk: FourCC, little-endian size, payload, a pad byte when the size is odd. */
function chunk(fourCC: string, payload: number[]): number[] {
  const size = payload.length
  const bytes = [...fourCC].map((c) => c.charCodeAt(0))
  return [...bytes, size & 255, (size >> 8) & 255, (size >> 16) & 255, size >>> 24, ...payload, ...(size & 1 ? [0] : [])]
}

/** An animation frame's chunk: offset, size, `ms` duration, flags, then (fake) image data. */
function frame(ms: number, data: number[] = [1, 2, 3]): number[] {
  return chunk('ANMF', [0, 0, 0, 0, 0, 0, 63, 0, 0, 35, 0, 0, ms & 255, (ms >> 8) & 255, (ms >> 16) & 255, 0, ...data])
}

function webp(...chunks: number[][]): Uint8Array {
  const body = [...'WEBP'].map((c) => c.charCodeAt(0)).concat(...chunks)
  return new Uint8Array(chunk('RIFF', body))
}

const header = chunk('VP8X', [2, 0, 0, 0, 63, 0, 0, 35, 0, 0])
const loop = chunk('ANIM', [0, 0, 0, 0, 0, 0])

describe('webpFrameDurations', () => {
  it('reads each frame’s duration in order, past odd-sized (padded) frames and other chunks', () => {
    const bytes = webp(header, loop, frame(167, [1, 2, 3]), frame(83, [4, 5]), chunk('EXIF', [9]), frame(70_000))
    expect(webpFrameDurations(bytes)).toEqual([0.167, 0.083, 70])
  })

  it('reads a WebP inside a larger buffer (a view with an offset)', () => {
    const bytes = webp(header, loop, frame(40), frame(40))
    const padded = new Uint8Array(bytes.length + 7)
    padded.set(bytes, 5)
    expect(webpFrameDurations(padded.subarray(5, 5 + bytes.length))).toEqual([0.04, 0.04])
  })

  it('is null for a still WebP, another format, or a frame chunk cut short', () => {
    expect(webpFrameDurations(webp(chunk('VP8 ', [1, 2, 3, 4])))).toBeNull()
    expect(webpFrameDurations(new TextEncoder().encode('\x89PNG\r\n\x1a\n...'))).toBeNull()
    expect(webpFrameDurations(webp(header, chunk('ANMF', [0, 0, 0])))).toBeNull()
    const cut = webp(header, frame(40))
    expect(webpFrameDurations(cut.subarray(0, cut.length - 8))).toBeNull()
  })
})
