import { describe, expect, it } from 'vitest'
import { isolatedName, typedNameSchema, withoutReorderingOrHidingCharacters } from './typedName'

const schema = typedNameSchema(20, { empty: 'empty', tooLong: 'too long' })
const REORDERS = 'name must not contain characters that reorder text (bidirectional overrides, embeddings or isolates)'
const HIDES = 'name must not contain characters that hide text (tags, interlinear annotations, deprecated format characters)'

describe('typed names', () => {
  it('keeps any language, emoji and inner spaces, trimmed', () => {
    expect(schema.parse('  مشهد ١ — 🎬 シーン  ')).toBe('مشهد ١ — 🎬 シーン')
  })

  it.each([
    ['Arabic', 'المشهد الأول'],
    ['Hebrew', 'סצנה 2'],
    ['Persian with a zero-width non-joiner', 'نامه\u200cها'],
    ['Hebrew with the marks right-to-left writers type', 'פרק (2)\u200f \u200eA'],
    ['Arabic with an Arabic letter mark', 'مشهد\u061c 3'],
    ['an emoji family (zero-width joiners)', '👩\u200d👩\u200d👧'],
    ['an emoji with a presentation selector and a skin tone', '❤\ufe0f 👋🏽'],
    ['the flag of Scotland (tag characters)', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}'],
    ['Khmer with zero-width spaces between words', 'ភាពយន្ត\u200bខ្លី'],
    ['a kanji with an ideographic variation selector', '葛\u{e0100}城'],
  ])('accepts %s as typed', (_case, name) => {
    expect(schema.parse(name)).toBe(name)
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

  it.each([
    ['a right-to-left override', 'Invoice \u202egpj.exe'],
    ['a left-to-right override', 'a\u202db'],
    ['embeddings and their pop', '\u202aa\u202bb\u202c'],
    ['isolates', '\u2066a\u2069 \u2067b\u2069 \u2068c\u2069'],
    ['a lone pop directional isolate', 'Ann\u2069'],
  ])('refuses %s as reordering text', (_case, name) => {
    expect(schema.safeParse(name).error?.issues[0]?.message).toBe(REORDERS)
  })

  it.each([
    ['tag characters spelling hidden text', 'Ann\u{e0069}\u{e0067}\u{e006e}\u{e006f}\u{e0072}\u{e0065}'],
    ['a tag sequence after a letter', 'a\u{e0067}\u{e0062}\u{e007f}'],
    ['a black flag carrying tags that are no region code', '🏴\u{e0041}\u{e0064}\u{e006d}\u{e0069}\u{e006e}\u{e007f}'],
    ['an interlinear annotation', 'Ann\ufff9Admin\ufffaX\ufffb'],
    ['a deprecated digit-shape character', '\u206e12'],
  ])('refuses %s as hiding text', (_case, name) => {
    expect(schema.safeParse(name).error?.issues[0]?.message).toBe(HIDES)
  })

  it.each([
    ['a zero-width space', '\u200b'],
    ['joiners', '\u200d\u200c'],
    ['a Hangul filler', '\u3164'],
    ['a mark and a word joiner', '\u200f\u2060'],
  ])('refuses a name of only %s as empty', (_case, name) => {
    expect(schema.safeParse(name).error?.issues[0]?.message).toBe('empty')
  })

  it('says once that a name of only spaces is empty (the API joins every problem into its message)', () => {
    expect(schema.safeParse('   ').error?.issues.map((issue) => issue.message)).toEqual(['empty'])
  })
})

describe('names saved before the rule, cleaned', () => {
  it('drops what reorders or hides text, keeping what the rule accepts', () => {
    expect(withoutReorderingOrHidingCharacters(' \u202eInvoice\u202c gpj.exe')).toBe('Invoice gpj.exe')
    expect(withoutReorderingOrHidingCharacters('Ann\u{e0069}\u{e0067}\u2066 Lee\u2069 \u206e')).toBe('Ann Lee')
    const kept = ['نامه\u200cها', '👩\u200d👩\u200d👧', 'פרק (2)\u200f', '🏴\u{e0067}\u{e0062}\u{e0073}\u{e0063}\u{e0074}\u{e007f}']
    for (const name of kept) expect(withoutReorderingOrHidingCharacters(name)).toBe(name)
  })

  it('gives nothing for a name that shows nothing once cleaned', () => {
    expect(withoutReorderingOrHidingCharacters('\u202e\u200b\u202c')).toBe('')
  })
})

describe('names set into a sentence', () => {
  const FSI = '\u2068'
  const PDI = '\u2069'

  it('isolates the name so the sentence around it keeps its order', () => {
    expect(`Remove ${isolatedName('مريم')}?`).toBe(`Remove ${FSI}مريم${PDI}?`)
  })

  it('keeps the name as typed, marks and all', () => {
    expect(isolatedName('פרק (2)\u200f')).toBe(`${FSI}פרק (2)\u200f${PDI}`)
  })

  it('drops the reordering characters a name from elsewhere brings, so nothing leaks past the isolate', () => {
    // A stray POP DIRECTIONAL ISOLATE would close the isolate early; an override would run on.
    expect(isolatedName('a\u2069b\u202ec')).toBe(`${FSI}abc${PDI}`)
  })
})
