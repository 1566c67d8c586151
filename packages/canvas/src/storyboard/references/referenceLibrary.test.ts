import { describe, expect, it } from 'vitest'
import { usualRole } from './referenceLibrary'

describe('reference library', () => {
  it('reuses a reference in the role it plays most, or as style when it is unused', () => {
    expect(usualRole(['character', 'style', 'character'])).toBe('character')
    expect(usualRole([])).toBe('style')
    // A tie goes to the role listed first in the vocabulary, so everyone gets the same answer.
    expect(usualRole(['location', 'character'])).toBe('character')
  })
})
