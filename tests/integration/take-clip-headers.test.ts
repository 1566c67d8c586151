import { describe, expect, it } from 'vitest'
import { BufferTarget, EncodedPacket, EncodedVideoPacketSource, Mp4OutputFormat, Output, WebMOutputFormat } from 'mediabunny'
import { readClipHeaderOf } from '@storyloom/shared/versions/clipHeader'

/**
 * The clip header reader against files a real muxer wrote (mediabunny, what the canvas exports
 * animatics with), not only the bytes its unit tests build: three VP9 frames of made-up data.
 */
async function muxed(
  format: 'mp4' | 'webm',
  width: number,
  height: number,
  { rotation = 0, fastStart = 'in-memory' }: { rotation?: 0 | 90; fastStart?: false | 'in-memory' | 'fragmented' } = {},
): Promise<Uint8Array> {
  const output = new Output({ format: format === 'mp4' ? new Mp4OutputFormat({ fastStart }) : new WebMOutputFormat(), target: new BufferTarget() })
  const source = new EncodedVideoPacketSource('vp9')
  output.addVideoTrack(source, { rotation })
  await output.start()
  for (let i = 0; i < 3; i++) {
    const packet = new EncodedPacket(new Uint8Array(50).fill(i + 1), i === 0 ? 'key' : 'delta', i / 24, 1 / 24)
    await source.add(packet, i === 0 ? { decoderConfig: { codec: 'vp09.00.10.08', codedWidth: width, codedHeight: height } } : undefined)
  }
  await output.finalize()
  return new Uint8Array(output.target.buffer!)
}

const headerOf = (bytes: Uint8Array) => readClipHeaderOf(bytes.length, async (start, length) => bytes.subarray(start, start + length))

describe('readClipHeaderOf on muxed clips', () => {
  it('reads an MP4 whose moov comes after its frames, a fragmented one, and a portrait one (rotated) sides swapped', async () => {
    const clip = await muxed('mp4', 1280, 720, { fastStart: false })
    const at = (type: string) => Buffer.from(clip).indexOf(type)
    expect(at('moov')).toBeGreaterThan(at('mdat'))
    expect(await headerOf(clip)).toEqual({ kind: 'size', format: 'mp4', width: 1280, height: 720, codedWidth: 1280, codedHeight: 720 })
    expect(await headerOf(await muxed('mp4', 1920, 1080, { fastStart: 'fragmented' }))).toMatchObject({ kind: 'size', width: 1920, height: 1080 })
    expect(await headerOf(await muxed('mp4', 1280, 720, { rotation: 90 }))).toEqual({ kind: 'size', format: 'mp4', width: 720, height: 1280, codedWidth: 1280, codedHeight: 720 })
  })

  it('reads a WebM', async () => {
    expect(await headerOf(await muxed('webm', 640, 360))).toEqual({ kind: 'size', format: 'webm', width: 640, height: 360, codedWidth: 640, codedHeight: 360 })
  })
})
