import { describe, expect, it } from 'vitest'
import { listedLines } from './importToastText'

describe('listedLines', () => {
  it('lists the first four and counts the rest', () => {
    expect(listedLines(['a', 'b', 'c', 'd', 'e', 'f'], 'file', ';')).toBe('a;\nb;\nc;\nd;\n…and 2 more files')
    expect(listedLines(['a', 'b', 'c', 'd', 'e'], 'problem')).toBe('a\nb\nc\nd\n…and 1 more problem')
    expect(listedLines(['only'], 'file', ';')).toBe('only')
  })
})
