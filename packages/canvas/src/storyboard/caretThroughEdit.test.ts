import { describe, expect, it } from 'vitest'
import { caretThroughEdit } from './caretThroughEdit'

describe('caretThroughEdit', () => {
  it('keeps a caret before the other edit, and moves one after it by what was added or removed', () => {
    expect(caretThroughEdit('The door opens', 'The door opens onto the rain', 8)).toBe(8)
    expect(caretThroughEdit('The door opens', 'INT. The door opens', 8)).toBe(13)
    expect(caretThroughEdit('INT. The door opens', 'The door opens', 13)).toBe(8)
  })

  it('puts a caret inside a replaced stretch after the new text there', () => {
    expect(caretThroughEdit('Mary waits', 'Joe waits', 2)).toBe(3)
  })

  it('leaves a caret where text is added at it before the text added', () => {
    expect(caretThroughEdit('The door', 'The door opens', 8)).toBe(8)
  })

  // A slow page (or a burst of remote keys) can apply two of someone's edits in one render:
  // one at each end of the text. The caret between them moves by the first one only.
  it('follows several edits that arrive at once, on both sides of the caret', () => {
    expect(caretThroughEdit('The door opens onto the rai', 'INT. The door opens onto the rain', 8)).toBe(13)
    expect(caretThroughEdit('INT. The door opens', 'The door slams opens now', 13)).toBe(8)
    expect(caretThroughEdit('a b c d e', 'A b c d E', 4)).toBe(4)
  })

  it("puts text the other person inserted at the caret after it when theirs goes first, also amid repeated characters", () => {
    expect(caretThroughEdit('The door', 'The door opens', 8, true)).toBe(14)
    // Both typed a space after "night": the caret of the one whose space goes second follows it.
    expect(caretThroughEdit('Chase at night ', 'Chase at night  ', 15, true)).toBe(16)
    expect(caretThroughEdit('Chase at night ', 'Chase at night  ', 15, false)).toBe(15)
    // Their text elsewhere moves the caret as before.
    expect(caretThroughEdit('Chase at night  ', 'Chase at night o ', 16, true)).toBe(17)
    expect(caretThroughEdit('The door opens', 'INT. The door opens', 8, true)).toBe(13)
  })

  it('keeps a caret between repeated characters on its side of an edit next to them', () => {
    // "aaa" with the caret after the second a; someone adds an a at the very start.
    expect(caretThroughEdit('xaaay', 'axaaay', 3)).toBe(4)
  })
})

describe('caretThroughEdit on any pair of texts', () => {
  it('puts the caret inside the new text, and in the text shared at the start or the end it keeps its place', () => {
    let seed = 7
    const random = () => ((seed = (seed * 48271) % 2147483647) / 2147483647)
    const text = () => Array.from({ length: Math.floor(random() * 12) }, () => 'ab c'[Math.floor(random() * 4)]).join('')
    for (let i = 0; i < 2000; i++) {
      const before = text()
      const after = text()
      const position = Math.floor(random() * (before.length + 1))
      const caret = caretThroughEdit(before, after, position)
      expect(caret, `${before} → ${after} at ${position}`).toBeGreaterThanOrEqual(0)
      expect(caret, `${before} → ${after} at ${position}`).toBeLessThanOrEqual(after.length)
      let common = 0
      while (common < Math.min(before.length, after.length) && before[common] === after[common]) common++
      if (position <= common) expect(caret, `${before} → ${after} at ${position}`).toBe(position)
      let end = 0
      while (end < Math.min(before.length, after.length) - common && before.at(-1 - end) === after.at(-1 - end)) end++
      if (position > common && position >= before.length - end) expect(caret, `${before} → ${after} at ${position}`).toBe(position + after.length - before.length)
    }
  })
})
