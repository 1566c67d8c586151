import { expect, it } from 'vitest'
import { undoKeys } from './undoKeys'
import { nothingTypedToStepNotice } from './historyStepNotice'

it('writes undo and redo as a Mac shows them on Apple platforms', () => {
  expect(undoKeys(true)).toEqual({ undo: '⌘Z', redo: '⇧⌘Z' })
})

it('writes undo and redo with Ctrl elsewhere', () => {
  expect(undoKeys(false)).toEqual({ undo: 'Ctrl+Z', redo: 'Ctrl+Y' })
})

it('tells a Mac user to press ⌘Z after leaving a field with nothing typed left to undo, and others Ctrl+Z', () => {
  expect(nothingTypedToStepNotice('undo', undoKeys(true)).description).toBe('To undo earlier changes, press Esc to leave the field, then ⌘Z.')
  expect(nothingTypedToStepNotice('undo', undoKeys(false)).description).toBe('To undo earlier changes, press Esc to leave the field, then Ctrl+Z.')
})
