import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { InvalidGenerationParamsError } from '../errors'
import { loadModel, type LoadedModel } from '../models/loadModel'
import { TINY_IMAGE_SIZE } from '../models/tinyModelGraphs'
import { flatImage } from '../testing/imageFixtures'
import { tinyModelDir } from '../testing/tinyModelDir'
import { CLIP_IMAGE_MEAN, CLIP_IMAGE_STD, clipPixelValues } from './imagePrompts'
import type { RgbImage } from './rgbImage'
import { generate, type GenerationParams } from './sdPipeline'

const base: GenerationParams = { prompt: 'a quiet street at dawn', seed: 11, steps: 2, guidance: 1, width: 128, height: 96 }

/** A flat image of one colour, at the image encoder's size. */
const flat = (rgb: [number, number, number], side = TINY_IMAGE_SIZE) => flatImage(rgb, side)

/** Mean distance (0–255 units, per channel) of every pixel to one colour. */
function distanceTo(image: RgbImage, rgb: [number, number, number]): number {
  let sum = 0
  for (let i = 0; i < image.data.length; i++) sum += Math.abs((image.data[i] as number) - rgb[i % 3]!)
  return sum / image.data.length
}

describe('image prompts', () => {
  it('CLIP-normalises pixel values plane by plane', () => {
    const values = clipPixelValues([{ width: 1, height: 1, data: new Uint8Array([255, 0, 128]) }])
    expect(values[0]).toBeCloseTo((1 - CLIP_IMAGE_MEAN[0]) / CLIP_IMAGE_STD[0], 5)
    expect(values[1]).toBeCloseTo(-CLIP_IMAGE_MEAN[1] / CLIP_IMAGE_STD[1], 5)
    expect(values[2]).toBeCloseTo((128 / 255 - CLIP_IMAGE_MEAN[2]) / CLIP_IMAGE_STD[2], 5)
  })

  describe('with the built-in model', () => {
    let model: LoadedModel
    beforeAll(async () => {
      model = await loadModel(await tinyModelDir(), { warmUp: false })
    })
    afterAll(() => model.release())

    it('reports the capability from its folder and UNet', () => {
      expect(model.info.supportsImagePrompts).toBe(true)
      expect(model.signature.imagePrompt).toEqual({ imageSize: 224, embedDim: 12, images: null, scaleInput: true, floatType: 'float32' })
    })

    it('moves the image toward a style reference, more with more weight, and not at weight 0', async () => {
      const orange: [number, number, number] = [240, 140, 20]
      const plain = await generate(model, base)
      const zero = await generate(model, { ...base, imagePrompts: [{ image: flat(orange), weight: 0 }] })
      const half = await generate(model, { ...base, imagePrompts: [{ image: flat(orange), weight: 0.5 }] })
      const full = await generate(model, { ...base, imagePrompts: [{ image: flat(orange), weight: 1 }] })
      expect(Buffer.from(zero.image.data).equals(Buffer.from(plain.image.data))).toBe(true)
      const plainDistance = distanceTo(plain.image, orange)
      const halfDistance = distanceTo(half.image, orange)
      const fullDistance = distanceTo(full.image, orange)
      expect(halfDistance).toBeLessThan(plainDistance - 5)
      expect(fullDistance).toBeLessThan(halfDistance - 5)
      // A different reference pulls elsewhere: the effect follows the image, not just "a reference".
      const teal: [number, number, number] = [20, 160, 170]
      const tealResult = await generate(model, { ...base, imagePrompts: [{ image: flat(teal), weight: 1 }] })
      expect(distanceTo(tealResult.image, teal)).toBeLessThan(distanceTo(full.image, teal) - 5)
      expect(full.timings.runs.image_encoder.count).toBe(1)
    })

    it('conditions only the guided half with classifier-free guidance', async () => {
      const orange: [number, number, number] = [240, 140, 20]
      const guided = { ...base, guidance: 3, negativePrompt: '' }
      const plain = await generate(model, guided)
      const styled = await generate(model, { ...guided, imagePrompts: [{ image: flat(orange), weight: 0.8 }] })
      expect(distanceTo(styled.image, orange)).toBeLessThan(distanceTo(plain.image, orange) - 5)
    })

    it('refuses prompts of the wrong size or weight', async () => {
      await expect(generate(model, { ...base, imagePrompts: [{ image: flat([0, 0, 0], 64), weight: 1 }] })).rejects.toThrow(/must be 224×224 RGB, got 64×64/u)
      await expect(generate(model, { ...base, imagePrompts: [{ image: flat([0, 0, 0]), weight: 2 }] })).rejects.toBeInstanceOf(InvalidGenerationParamsError)
    })
  })

  it('a model without an image encoder reports no capability and refuses image prompts', async () => {
    const model = await loadModel(await tinyModelDir({ imagePrompts: false }), { warmUp: false })
    try {
      expect(model.info.supportsImagePrompts).toBe(false)
      await expect(generate(model, { ...base, imagePrompts: [{ image: flat([0, 0, 0]), weight: 1 }] })).rejects.toThrow(/takes no image prompts/u)
      await generate(model, base)
    } finally {
      await model.release()
    }
  })

  it('works with float16 I/O and warms up with an image prompt', async () => {
    const model = await loadModel(await tinyModelDir({ floatType: 'float16' }))
    try {
      const orange: [number, number, number] = [240, 140, 20]
      const plain = await generate(model, base)
      const styled = await generate(model, { ...base, imagePrompts: [{ image: flat(orange), weight: 1 }] })
      expect(distanceTo(styled.image, orange)).toBeLessThan(distanceTo(plain.image, orange) - 5)
    } finally {
      await model.release()
    }
  })
})
