import { describe, expect, it } from 'vitest'
import { mentionedIds } from './mentions'

describe('mentionedIds', () => {
  const people = [
    { userId: 'u1', name: 'Ada Lovelace' },
    { userId: 'u2', name: 'Ben' },
  ]
  it('finds @mentions of members by their full name, in any case', () => {
    expect(mentionedIds('@ada lovelace can you check? cc @Ben', people)).toEqual(['u1', 'u2'])
  })
  it('ignores names without an @ and people who are not members', () => {
    expect(mentionedIds('Ben said @Carol liked it', people)).toEqual([])
  })
})
