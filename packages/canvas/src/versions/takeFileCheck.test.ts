import { describe, expect, it } from 'vitest'
import { checkTakeFile } from './takeFileCheck'

const png = (name: string) => new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], name, { type: 'image/png' })

describe('checkTakeFile', () => {
  it('passes a picture the browser decodes along with its size', async () => {
    expect(await checkTakeFile(png('take.png'), async () => ({ width: 1920, height: 1080 }))).toEqual({ ok: true, size: { width: 1920, height: 1080 } })
  })

  it('refuses, by name, an image the browser cannot decode', async () => {
    const check = await checkTakeFile(png('damaged.png'), async () => undefined)
    expect(check).toEqual({
      ok: false,
      reason: expect.stringContaining('damaged.png cannot be shown as a picture'),
      problem: 'cannot be shown as a picture: it is damaged or not the image it says it is',
    })
  })

  it('refuses a picture wider or taller than a take may be, saying its size', async () => {
    expect(await checkTakeFile(png('wide.png'), async () => ({ width: 16_385, height: 2 }))).toEqual({
      ok: false,
      reason: 'wide.png is 16385 × 2 pixels: a take is at most 16384 pixels on a side.',
      problem: '16385 × 2 pixels: a picture is at most 16384 pixels on a side',
    })
    expect((await checkTakeFile(png('tall.png'), async () => ({ width: 16_384, height: 16_384 }))).ok).toBe(true)
  })

  it('refuses a file of another type (audio, text) naming the picture types a take may be, without reading it', async () => {
    const measure = async () => {
      throw new Error('not read')
    }
    for (const [name, type] of [['theme.mp3', 'audio/mpeg'], ['notes.txt', 'text/plain']] as const) {
      const check = await checkTakeFile(new File([new Uint8Array(8)], name, { type }), measure)
      expect(check).toEqual({
        ok: false,
        reason: `${name} is not a PNG, JPEG, GIF, WebP or AVIF image, or an MP4 or WebM clip.`,
        problem: 'not a PNG, JPEG, GIF, WebP or AVIF image, or an MP4 or WebM clip',
      })
    }
  })

  it('leaves clips to the server without decoding them', async () => {
    const clip = new File([new Uint8Array(8)], 'move.mp4', { type: 'video/mp4' })
    expect(await checkTakeFile(clip, async () => { throw new Error('a clip is not decoded here') })).toEqual({ ok: true, size: undefined })
  })
})
