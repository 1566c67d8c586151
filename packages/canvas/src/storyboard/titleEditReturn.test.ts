import type { Editor } from 'tldraw'
import { describe, expect, it, vi } from 'vitest'
import { returnKeyboardAfterTitleEdit, titleEditEnded } from './titleEditReturn'

const anEditor = () => ({}) as Editor

describe('the keyboard given back after a title edit', () => {
  it('goes back when the edit of that shot ends from the keyboard, once', () => {
    const editor = anEditor()
    const giveBack = vi.fn()
    returnKeyboardAfterTitleEdit(editor, 'shape:a', giveBack)
    titleEditEnded(editor, 'shape:a', true)
    titleEditEnded(editor, 'shape:a', true)
    expect(giveBack).toHaveBeenCalledTimes(1)
  })

  it('is forgotten when that edit ends another way (a click elsewhere), so a later edit started on the canvas keeps the keyboard there', () => {
    const editor = anEditor()
    const giveBack = vi.fn()
    returnKeyboardAfterTitleEdit(editor, 'shape:a', giveBack)
    titleEditEnded(editor, 'shape:a', false)
    titleEditEnded(editor, 'shape:a', true)
    expect(giveBack).not.toHaveBeenCalled()
  })

  it('is not taken by the end of another shot’s edit, nor on another board', () => {
    const editor = anEditor()
    const giveBack = vi.fn()
    returnKeyboardAfterTitleEdit(editor, 'shape:a', giveBack)
    titleEditEnded(editor, 'shape:b', true)
    titleEditEnded(anEditor(), 'shape:a', true)
    expect(giveBack).not.toHaveBeenCalled()
    titleEditEnded(editor, 'shape:a', true)
    expect(giveBack).toHaveBeenCalledTimes(1)
  })
})
