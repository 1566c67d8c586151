import sharp from 'sharp'
import { describe, expect, it } from 'vitest'
import { InvalidGenerationParamsError } from '../errors'
import { pngClaiming } from '../testing/imageFixtures'
import { decodeInitImage, decodeReferenceImage, encodePng, rgbToTensor, tensorToRgb } from './rgbImage'

describe('rgbImage', () => {
  it('round-trips between RGB bytes and model tensors in [-1, 1]', () => {
    const image = { width: 2, height: 1, data: new Uint8Array([0, 128, 255, 10, 20, 30]) }
    const tensor = rgbToTensor(image)
    expect(tensor[0]).toBe(-1) // R of pixel 0, planar layout
    expect(tensor[4]).toBe(1) // B of pixel 0
    expect(Array.from(tensorToRgb(tensor, 2, 1).data)).toEqual(Array.from(image.data))
    expect(Array.from(tensorToRgb(new Float32Array([5, Number.NaN, -5]), 1, 1).data)).toEqual([255, 0, 0])
  })

  it('encodes PNG and decodes an init image to the requested size', async () => {
    const image = { width: 4, height: 2, data: new Uint8Array(4 * 2 * 3).fill(200) }
    const png = await encodePng(image)
    expect(await sharp(png).metadata()).toMatchObject({ format: 'png', width: 4, height: 2, channels: 3 })
    const decoded = await decodeInitImage(png, 8, 8)
    expect(decoded).toMatchObject({ width: 8, height: 8 })
    expect(decoded.data.length).toBe(8 * 8 * 3)
    expect(decoded.data[0]).toBe(200)
    await expect(decodeInitImage(new Uint8Array([1, 2, 3]), 8, 8)).rejects.toBeInstanceOf(InvalidGenerationParamsError)
  })

  it('refuses references that are not images or are too large, before decoding them', async () => {
    await expect(decodeReferenceImage(new TextEncoder().encode('<html>'), 8, 8, 'the style reference')).rejects.toThrow(/^the style reference is not an image the worker can read/u)
    const bomb = await pngClaiming(20_000, 20_000)
    await expect(decodeReferenceImage(bomb, 8, 8, 'the prop reference')).rejects.toThrow(/^the prop reference is too large \(20000×20000\): at most 40 megapixels/u)
  })
})
