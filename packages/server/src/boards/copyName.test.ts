import { describe, expect, it } from 'vitest'
import { BOARD_NAME_MAX_LENGTH, boardNameSchema } from '@storyloom/shared/api/boards'
import { copyName } from './copyName'

describe('copyName', () => {
  it('adds "(copy)", then counts on past the names already taken', () => {
    expect(copyName('Pitch', [])).toBe('Pitch (copy)')
    expect(copyName('Pitch', ['Pitch', 'pitch (COPY)'])).toBe('Pitch (copy 2)')
    expect(copyName('Pitch', ['Pitch (copy)', 'Pitch (copy 2)', 'Pitch (copy 4)'])).toBe('Pitch (copy 3)')
  })

  it('counts a copy of a copy on from the original name', () => {
    expect(copyName('Pitch (copy)', ['Pitch', 'Pitch (copy)'])).toBe('Pitch (copy 2)')
    expect(copyName('Pitch (copy 2)', ['Pitch (copy)', 'Pitch (copy 2)'])).toBe('Pitch (copy 3)')
    // A name that is only the ending keeps it as its stem.
    expect(copyName('(copy)', [])).toBe('(copy) (copy)')
  })

  it('cuts a long name by whole characters so the copy is still a valid board name', () => {
    // The cut falls inside the first emoji (a surrogate pair): it goes whole.
    const long = `${'a'.repeat(BOARD_NAME_MAX_LENGTH - ' (copy)'.length - 1)}🎬🎬`
    const copy = copyName(long, [])
    expect(copy.endsWith(' (copy)')).toBe(true)
    expect(copy.length).toBeLessThanOrEqual(BOARD_NAME_MAX_LENGTH)
    expect(boardNameSchema.safeParse(copy).success).toBe(true)
    expect(copy).toBe(`${'a'.repeat(BOARD_NAME_MAX_LENGTH - ' (copy)'.length - 1)} (copy)`)
  })
})
