import { describe, expect, it } from 'vitest'
import { inReadingOrder, usualRole } from './referenceLibrary'

describe('reference library', () => {
  it('reuses a reference in the role it plays most, or as style when it is unused', () => {
    expect(usualRole(['character', 'style', 'character'])).toBe('character')
    expect(usualRole([])).toBe('style')
    // A tie goes to the role listed first in the vocabulary, so everyone gets the same answer.
    expect(usualRole(['location', 'character'])).toBe('character')
  })

  it('lists references by the reading order of the shots using them, not by how their numbers sort', () => {
    // Reading order: 1.1, 1.10, 2.1, then 0.1 and 0.2 (the shots in no scene come last).
    const numbers = new Map([
      ['a', '1.1'],
      ['j', '1.10'],
      ['b', '2.1'],
      ['x', '0.1'],
      ['y', '0.2'],
    ])
    const entry = (id: string, ...shots: string[]) => ({ id, uses: shots.map((toId) => ({ binding: { toId }, shotNumber: numbers.get(toId)! })) })
    const sorted = inReadingOrder([entry('unused'), entry('loose', 'y', 'x'), entry('late', 'b', 'j'), entry('first', 'x', 'a')], numbers)
    expect(sorted.map((e) => [e.id, e.uses.map((u) => u.shotNumber).join(' ')])).toEqual([
      ['first', '1.1 0.1'],
      ['late', '1.10 2.1'],
      ['loose', '0.1 0.2'],
      ['unused', ''],
    ])
  })
})
