import { describe, expect, it } from 'vitest'
import { describeReferenceUse } from './VersionReferenceUse'

describe('describeReferenceUse', () => {
  it('says how each reference made the take, and why one was left out', () => {
    expect(describeReferenceUse({ index: 0, role: 'style', use: 'image-prompt', weight: 0.8 })).toBe('Style: image prompt at 0.8')
    expect(describeReferenceUse({ index: 1, role: 'composition', use: 'image-to-image' })).toBe('Composition: image-to-image')
    expect(describeReferenceUse({ index: 2, role: 'prop', use: 'ignored', reason: 'not used by this model (no image prompts)' })).toBe('Prop: not used by this model (no image prompts)')
    expect(describeReferenceUse({ index: 3, role: 'location', use: 'ignored', reason: 'a link is not used by generations' })).toBe('Location: not used — a link is not used by generations')
  })
})
