import { describe, expect, it } from 'vitest'
import { typedNameSchema } from './typedName'

const schema = typedNameSchema(20, { empty: 'empty', tooLong: 'too long' })

describe('typed names', () => {
  it('keeps any language, emoji and inner spaces, trimmed', () => {
    expect(schema.parse('  مشهد ١ — 🎬 シーン  ')).toBe('مشهد ١ — 🎬 シーン')
  })

  it.each([
    ['NUL', 'a\u0000b'],
    ['a bell', '\u0007'],
    ['an escape sequence', '\u001b[31mred'],
    ['a newline inside', 'two\nlines'],
    ['DEL', 'a\u007f'],
    ['a C1 control', 'a\u0085b'],
  ])('refuses %s', (_case, name) => {
    expect(schema.safeParse(name).error?.issues[0]?.message).toBe('name must not contain control characters')
  })
})
