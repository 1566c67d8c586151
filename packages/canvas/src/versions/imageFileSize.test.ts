import { describe, expect, it, vi } from 'vitest'
import { imageFileSize } from './imageFileSize'

/** A PNG signature and IHDR declaring `width` × `height`, then no pixel data at all. */
function pngFile(name: string, width: number, height: number): File {
  const bytes = new Uint8Array(33)
  const view = new DataView(bytes.buffer)
  bytes.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])
  view.setUint32(8, 13)
  bytes.set([...'IHDR'].map((c) => c.charCodeAt(0)), 12)
  view.setUint32(16, width)
  view.setUint32(20, height)
  return new File([bytes], name, { type: 'image/png' })
}

describe('imageFileSize', () => {
  it('answers a picture declaring more than a take may be with its header’s size, never decoding it', async () => {
    const decode = vi.fn(async () => ({ width: 1, height: 1 }))
    expect(await imageFileSize(pngFile('bomb.png', 100_000, 100_000), decode)).toEqual({ width: 100_000, height: 100_000 })
    expect(decode).not.toHaveBeenCalled()
  })

  it('decodes a picture within the limit, so data that does not match its header is caught', async () => {
    const decode = vi.fn(async () => undefined)
    expect(await imageFileSize(pngFile('lying.png', 640, 480), decode)).toBeUndefined()
    expect(decode).toHaveBeenCalledTimes(1)
    expect(await imageFileSize(pngFile('fine.png', 640, 480), async () => ({ width: 640, height: 480 }))).toEqual({ width: 640, height: 480 })
  })

  it('gives no size, without decoding, for a file whose header cannot be read', async () => {
    const decode = vi.fn(async () => ({ width: 1, height: 1 }))
    const cut = new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0])], 'cut.png', { type: 'image/png' })
    const notPng = new File(['<svg xmlns="http://www.w3.org/2000/svg"/>'], 'renamed.png', { type: 'image/png' })
    expect(await imageFileSize(cut, decode)).toBeUndefined()
    expect(await imageFileSize(notPng, decode)).toBeUndefined()
    expect(decode).not.toHaveBeenCalled()
  })
})
