import { describe, expect, it } from 'vitest'
import { ASPECT_RATIO_IDS, aspectRatioValue } from '@storyloom/shared/storyboard/vocabulary'
import { MAX_GENERATION_SIDE, MIN_GENERATION_SIDE, SIZE_STEP, sizeForAspect } from './generationSize'

describe('sizeForAspect', () => {
  it('keeps the model’s pixel count in the shot’s aspect, on the 64 px grid', () => {
    expect(sizeForAspect('1:1')).toEqual({ width: 512, height: 512 })
    expect(sizeForAspect('16:9')).toEqual({ width: 704, height: 384 })
    expect(sizeForAspect('9:16')).toEqual({ width: 384, height: 704 })
    expect(sizeForAspect('2.39:1')).toEqual({ width: 768, height: 320 })
    expect(sizeForAspect('4:3', { width: 1024, height: 1024 })).toEqual({ width: 1216, height: 896 })
  })

  it('scales for drafts and large renders', () => {
    expect(sizeForAspect('16:9', undefined, 0.5)).toEqual({ width: 320, height: 192 })
    expect(sizeForAspect('1:1', undefined, 2)).toEqual({ width: 1024, height: 1024 })
  })

  it('always gives a size the generation contract accepts, close to the aspect', () => {
    for (const aspect of ASPECT_RATIO_IDS) {
      for (const scale of [0.1, 0.5, 1, 1.5, 2, 4, 8]) {
        const { width, height } = sizeForAspect(aspect, undefined, scale)
        for (const side of [width, height]) {
          expect(side % SIZE_STEP).toBe(0)
          expect(side).toBeGreaterThanOrEqual(MIN_GENERATION_SIDE)
          expect(side).toBeLessThanOrEqual(MAX_GENERATION_SIDE)
        }
        // Within reach of the grid: away from the bounds the ratio is off by at most one step.
        if (scale >= 0.5 && scale <= 2) expect(Math.abs(width / height - aspectRatioValue(aspect))).toBeLessThan(SIZE_STEP / height)
      }
    }
  })
})
