import { describe, expect, it } from 'vitest'
import { readClipHeaderOf } from './clipHeader'
import { audioTrack, be, box, cluster, ebmlHeader, el, ftyp, mp4, trak, TRACKS, uint, videoTrack, webm } from './testing/clipFixtures'

const text = (s: string) => [...s].map((c) => c.charCodeAt(0))

/** Reads `bytes` the way the server reads a stored file, counting what was read. */
function reader(bytes: Uint8Array) {
  const reads: number[] = []
  const read = async (start: number, length: number) => {
    reads.push(length)
    return bytes.subarray(start, start + length)
  }
  return { read, reads, header: () => readClipHeaderOf(bytes.length, read) }
}
const headerOf = (bytes: Uint8Array) => reader(bytes).header()

describe('readClipHeaderOf: MP4', () => {
  it('reads the video track’s size from tkhd and its avc1 sample entry, whichever track comes first', async () => {
    const moov = box('moov', box('mvhd', be(0, 100)), trak('soun', 'mp4a', { width: 0, height: 0 }), trak('vide', 'avc1', { width: 1920, height: 1080 }))
    expect(await headerOf(mp4(ftyp, moov, box('mdat', be(0, 32))))).toEqual({ kind: 'size', format: 'mp4', width: 1920, height: 1080, codedWidth: 1920, codedHeight: 1080 })
  })

  it('finds a moov written after the frames without reading them, and reads hvc1 and version-1 tkhd', async () => {
    const frames = box('mdat', new Array(200_000).fill(1))
    const clip = reader(mp4(ftyp, frames, box('moov', trak('vide', 'hvc1', { width: 640, height: 360 }, { width: 640, height: 368 }, { version: 1 }))))
    expect(await clip.header()).toEqual({ kind: 'size', format: 'mp4', width: 640, height: 360, codedWidth: 640, codedHeight: 368 })
    expect(Math.max(...clip.reads)).toBeLessThan(10_000)
  })

  it('shows a quarter-turned (portrait phone) video with its sides swapped, as players do', async () => {
    const moov = box('moov', trak('vide', 'avc1', { width: 1920, height: 1080 }, undefined, { quarter: true }))
    expect(await headerOf(mp4(ftyp, moov))).toMatchObject({ width: 1080, height: 1920, codedWidth: 1920, codedHeight: 1080 })
  })

  it('reports the coded size a decoder would allocate, however small the shown size claims to be', async () => {
    const moov = box('moov', trak('vide', 'avc1', { width: 64, height: 64 }, { width: 60000, height: 60000 }))
    expect(await headerOf(mp4(ftyp, moov))).toMatchObject({ width: 64, height: 64, codedWidth: 60000, codedHeight: 60000 })
  })

  it('is truncated when the file ends inside a box, invalid when it has no video track or no moov', async () => {
    const whole = mp4(ftyp, box('moov', trak('vide', 'avc1', { width: 320, height: 240 })))
    expect(await headerOf(whole.subarray(0, whole.length - 20))).toEqual({ kind: 'truncated', format: 'mp4' })
    expect(await headerOf(mp4(ftyp, box('moov', trak('soun', 'mp4a', { width: 0, height: 0 }))))).toEqual({ kind: 'invalid', format: 'mp4' })
    expect(await headerOf(mp4(ftyp, box('free', be(0, 40))))).toEqual({ kind: 'invalid', format: 'mp4' })
    expect(await headerOf(mp4(ftyp, [0, 0, 0, 3, ...text('junk')]))).toEqual({ kind: 'invalid', format: 'mp4' })
  })

  it('does not trust sizes inside the moov: a track box claiming more than its parent is no track', async () => {
    const moov = box('moov', trak('vide', 'avc1', { width: 320, height: 240 }))
    const bytes = mp4(ftyp, moov)
    // The trak (right after ftyp's 24 bytes and moov's 8) now claims 1 GB.
    new DataView(bytes.buffer).setUint32(ftyp.length + 8, 2 ** 30)
    expect(await headerOf(bytes)).toEqual({ kind: 'invalid', format: 'mp4' })
  })
})

describe('readClipHeaderOf: WebM', () => {
  it('reads PixelWidth × PixelHeight of the video track, after the audio track and the SeekHead', async () => {
    const tracks = el(TRACKS, audioTrack, videoTrack(1280, 720))
    const bytes = webm([el(0x114d9b74, new Array(30).fill(0)), el(0x1549a966, uint(0x2ad7b1, 1_000_000)), tracks, cluster])
    expect(await headerOf(bytes)).toEqual({ kind: 'size', format: 'webm', width: 1280, height: 720, codedWidth: 1280, codedHeight: 720 })
  })

  it('reads a live-recorded WebM, whose Segment size is unknown', async () => {
    expect(await headerOf(webm([el(TRACKS, videoTrack(640, 480)), cluster], 'unknown'))).toMatchObject({ kind: 'size', width: 640, height: 480 })
  })

  it('is invalid when frames start before any video track, truncated when the file ends first', async () => {
    expect(await headerOf(webm([cluster, el(TRACKS, videoTrack(640, 480))]))).toEqual({ kind: 'invalid', format: 'webm' })
    expect(await headerOf(webm([el(TRACKS, audioTrack)]))).toEqual({ kind: 'invalid', format: 'webm' })
    const whole = webm([el(TRACKS, videoTrack(640, 480))])
    expect(await headerOf(whole.subarray(0, whole.length - 5))).toEqual({ kind: 'truncated', format: 'webm' })
    expect(await headerOf(new Uint8Array(ebmlHeader))).toEqual({ kind: 'truncated', format: 'webm' })
  })

  it('says unknown for anything that is neither', async () => {
    expect(await headerOf(new Uint8Array(text('RIFF____WEBPVP8 ')))).toEqual({ kind: 'unknown' })
    expect(await headerOf(new Uint8Array())).toEqual({ kind: 'unknown' })
  })
})
