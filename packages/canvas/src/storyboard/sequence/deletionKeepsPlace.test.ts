// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import type { Editor, TLShapeId } from 'tldraw'
import { shotsOfScene } from '@storyloom/shared/storyboard/sequence'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { startNewScene } from '../scenes/sceneCommands'
import { boardSequenceModel } from './boardSequenceModel'
import { deleteSelectionKeepingPlace } from './deletionKeepsPlace'
import { newShotAfterSelection } from './sequenceCommands'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

/** A scene of three shots, made as a user does. */
function board() {
  const editor = headlessBoardEditor()
  editors.push(editor)
  startNewScene(editor)
  const ids = [newShotAfterSelection(editor), newShotAfterSelection(editor), newShotAfterSelection(editor)]
  return { editor, ids }
}

/** Delete as the canvas's Delete key runs it. */
function deleteSelected(editor: Editor) {
  deleteSelectionKeepingPlace(editor, () => editor.deleteShapes(editor.getSelectedShapeIds()))
}

const order = (editor: Editor) => {
  const { sequence } = boardSequenceModel(editor).get()
  return shotsOfScene(sequence, sequence.scenes[0]!.id).map((s) => s.id)
}

describe('deleteSelectionKeepingPlace', () => {
  it('selects the shot that took the deleted one’s place; the next new shot goes into the deleted one’s slot', () => {
    const { editor, ids } = board()
    const [a, b, c] = ids as [TLShapeId, TLShapeId, TLShapeId]
    editor.select(b)
    deleteSelected(editor)
    expect(editor.getSelectedShapeIds()).toEqual([c])
    const added = newShotAfterSelection(editor)
    expect(order(editor)).toEqual([a, added, c])
  })

  it('forgets the slot once the selection changes: new shot is after the selected one again', () => {
    const { editor, ids } = board()
    const [a, b, c] = ids as [TLShapeId, TLShapeId, TLShapeId]
    editor.select(b)
    deleteSelected(editor)
    editor.select(a)
    editor.select(c)
    const added = newShotAfterSelection(editor)
    expect(order(editor)).toEqual([a, c, added])
  })

  it('a scene left empty keeps the next new shot, not the last scene', () => {
    const { editor } = board()
    startNewScene(editor)
    const only = newShotAfterSelection(editor)
    startNewScene(editor)
    newShotAfterSelection(editor)
    editor.select(only)
    deleteSelected(editor)
    expect(editor.getSelectedShapeIds()).toEqual([])
    const added = newShotAfterSelection(editor)
    const { sequence } = boardSequenceModel(editor).get()
    expect(shotsOfScene(sequence, sequence.scenes[1]!.id).map((s) => s.id)).toEqual([added])
  })
})
