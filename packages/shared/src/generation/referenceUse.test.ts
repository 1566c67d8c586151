import { describe, expect, it } from 'vitest'
import { MAX_IMAGE_PROMPTS, planReferenceUse, type PlannedReference } from './referenceUse'

const image = (role: PlannedReference['role'], extra: Partial<PlannedReference> = {}): PlannedReference => ({ role, kind: 'image', uploaded: true, ...extra })
const full = { supportsImageToImage: true, supportsImagePrompts: true }

describe('planReferenceUse', () => {
  it('uses the first composition image for image-to-image and the others as weighted image prompts', () => {
    expect(planReferenceUse([image('style'), image('composition'), image('character', { weight: 0.3 }), image('composition')], full)).toEqual([
      { index: 0, role: 'style', use: 'image-prompt', weight: 0.8 },
      { index: 1, role: 'composition', use: 'image-to-image' },
      { index: 2, role: 'character', use: 'image-prompt', weight: 0.3 },
      { index: 3, role: 'composition', use: 'ignored', reason: 'only the first composition image is used' },
    ])
  })

  it('says why a reference is left out', () => {
    const plan = planReferenceUse([image('style'), image('location', { kind: 'link' }), image('prop', { uploaded: false }), image('prop', { weight: 0 })], full)
    expect(plan.map((p) => p.reason)).toEqual([undefined, 'a link is not used by generations', 'only images uploaded to the board are used', 'its weight is 0'])
    const tooMany = planReferenceUse(Array.from({ length: MAX_IMAGE_PROMPTS + 1 }, () => image('style')), full)
    expect(tooMany.at(-1)).toMatchObject({ use: 'ignored', reason: `at most ${MAX_IMAGE_PROMPTS} image references condition one generation` })
  })

  it('leaves out a reference still uploading without counting it against the image prompts', () => {
    const plan = planReferenceUse([image('style', { kind: 'link', uploaded: false, uploading: true }), ...Array.from({ length: MAX_IMAGE_PROMPTS }, () => image('style'))], full)
    expect(plan[0]).toEqual({ index: 0, role: 'style', use: 'ignored', reason: 'still uploading' })
    expect(plan.slice(1).every((p) => p.use === 'image-prompt')).toBe(true)
  })

  it('ignores what the model cannot use', () => {
    expect(planReferenceUse([image('style'), image('composition')], { supportsImageToImage: false, supportsImagePrompts: false })).toEqual([
      { index: 0, role: 'style', use: 'ignored', reason: 'not used by this model (no image prompts)' },
      { index: 1, role: 'composition', use: 'ignored', reason: 'not used by this model (no image-to-image)' },
    ])
  })
})
