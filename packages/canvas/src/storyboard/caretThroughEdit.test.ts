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
})
