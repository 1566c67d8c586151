import { describe, expect, it } from 'vitest'
import { ASPECT_RATIO_IDS, aspectRatioValue } from '../storyboard/vocabulary'
import { MAX_GENERATION_SIDE, MIN_GENERATION_SIDE, shotGenerationSize, sizeForRatio, type SizingModel } from './generationSize'

const tiny: SizingModel = { family: 'storyloom-tiny', defaults: { width: 512, height: 288 } }
const sd15: SizingModel = { family: 'sd1', defaults: { width: 512, height: 512 } }
const hd: SizingModel = { family: 'sd2', defaults: { width: 1024, height: 576 } }

const ratioOf = ({ width, height }: { width: number; height: number }) => width / height
const off = (size: { width: number; height: number }, ratio: number) => Math.abs(ratioOf(size) / ratio - 1)

describe('shotGenerationSize', () => {
  it('keeps a model’s own size when the shot is in its aspect ratio', () => {
    expect(shotGenerationSize('16:9', tiny)).toEqual({ width: 512, height: 288 })
    expect(shotGenerationSize('16:9', hd)).toEqual({ width: 1024, height: 576 })
    expect(shotGenerationSize('1:1', sd15)).toEqual({ width: 512, height: 512 })
    expect(shotGenerationSize('1:1', undefined)).toEqual({ width: 512, height: 512 })
  })

  it('gives a draft of a 16:9 or 1.85:1 shot in the shot’s aspect, not 2:1', () => {
    expect(shotGenerationSize('16:9', tiny, 0.5)).toEqual({ width: 256, height: 144 })
    expect(off(shotGenerationSize('1.85:1', tiny, 0.5), 1.85)).toBeLessThan(0.01)
    expect(shotGenerationSize('16:9', tiny, 1.5)).toEqual({ width: 768, height: 432 })
    // On Stable Diffusion's 64 px grid a 512² model's draft is as close as the grid allows.
    expect(shotGenerationSize('16:9', sd15, 0.5)).toEqual({ width: 320, height: 192 })
  })

  it('puts Stable Diffusion sizes on the 64 px grid, close to the shot’s ratio', () => {
    expect(shotGenerationSize('16:9', sd15)).toEqual({ width: 704, height: 384 })
    expect(shotGenerationSize('9:16', sd15)).toEqual({ width: 384, height: 704 })
    expect(shotGenerationSize('2.39:1', sd15)).toEqual({ width: 768, height: 320 })
    expect(shotGenerationSize('4:3', sd15)).toEqual({ width: 512, height: 384 })
    expect(shotGenerationSize('1.85:1', hd)).toEqual({ width: 960, height: 512 })
  })

  it('is the same whether the form or the server asks (a portrait shot is the landscape one turned)', () => {
    for (const model of [tiny, sd15, hd, undefined]) {
      for (const scale of [0.5, 1, 1.5]) {
        const landscape = shotGenerationSize('16:9', model, scale)
        expect(shotGenerationSize('9:16', model, scale)).toEqual({ width: landscape.height, height: landscape.width })
      }
    }
  })

  it('is always a size the contract accepts, on the model’s grid and near its pixel count', () => {
    for (const [model, grid] of [[tiny, 8], [sd15, 64], [hd, 64]] as const) {
      for (const aspect of ASPECT_RATIO_IDS) {
        for (const scale of [0.5, 1, 1.5]) {
          const size = shotGenerationSize(aspect, model, scale)
          for (const side of [size.width, size.height]) {
            expect(side % grid).toBe(0)
            expect(side).toBeGreaterThanOrEqual(MIN_GENERATION_SIDE)
            expect(side).toBeLessThanOrEqual(MAX_GENERATION_SIDE)
          }
          const area = (size.width * size.height) / (model.defaults.width * model.defaults.height * scale * scale)
          expect(area).toBeGreaterThan(0.7)
          expect(area).toBeLessThan(1.42)
          // The built-in model's fine grid holds every frame within 1 %. 64 px steps are coarse
          // next to a draft's ~256 px sides: the closest there is up to 10 % off.
          expect(off(size, aspectRatioValue(aspect))).toBeLessThan(grid === 8 ? 0.01 : scale < 1 ? 0.1 : 0.035)
        }
      }
    }
  })
})

describe('sizeForRatio', () => {
  it('clamps a budget the bounds cannot hold, keeping the ratio', () => {
    const wide = sizeForRatio(2.39, 4096 * 4096, 64)
    expect(wide.width).toBeLessThanOrEqual(MAX_GENERATION_SIDE)
    expect(off(wide, 2.39)).toBeLessThan(0.01)
    expect(wide.width * wide.height).toBeGreaterThan(1_200_000)
    const tall = sizeForRatio(1 / 10, 2048 * 2048, 64)
    expect(tall).toEqual({ width: 192, height: 1920 })
  })

  it('keeps a tiny budget at the smallest side instead of squaring the frame', () => {
    expect(sizeForRatio(1, 16 * 16, 8)).toEqual({ width: 64, height: 64 })
    const strip = sizeForRatio(2.39, 32 * 32, 8)
    expect(strip.height).toBe(MIN_GENERATION_SIDE)
    expect(off(strip, 2.39)).toBeLessThan(0.03)
    expect(sizeForRatio(20, 100 * 100, 64)).toEqual({ width: 1280, height: 64 })
  })
})
