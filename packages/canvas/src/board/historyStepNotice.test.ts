// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createShapeId, type Editor, type TLGeoShape } from 'tldraw'
import { headlessOwnUndoEditor } from './testing/headlessEditor'
import { stepHistory } from './historyStepNotice'

let editor: Editor
afterEach(() => editor?.dispose())

/** A board whose undo takes back only the person's own changes, as an open board's does, with one rectangle drawn. */
function boardWithRectangle() {
  editor = headlessOwnUndoEditor()
  const id = createShapeId()
  editor.createShape<TLGeoShape>({ id, type: 'geo', x: 0, y: 0, props: { w: 100, h: 100 } })
  editor.clearHistory()
  return id
}

describe('stepHistory', () => {
  it('says nothing changed when there is nothing to undo or redo', () => {
    boardWithRectangle()
    expect(stepHistory(editor, 'undo')).toBe(false)
    expect(stepHistory(editor, 'redo')).toBe(false)
  })

  it('says the board changed when the undo and the redo take back and put back the person’s own edit', () => {
    const id = boardWithRectangle()
    editor.markHistoryStoppingPoint('move')
    editor.updateShape({ id, type: 'geo', x: 50 })
    expect(stepHistory(editor, 'undo')).toBe(true)
    expect(editor.getShape(id)!.x).toBe(0)
    expect(stepHistory(editor, 'redo')).toBe(true)
    expect(editor.getShape(id)!.x).toBe(50)
  })

  it('says nothing changed when someone else has changed since all the step held', () => {
    const id = boardWithRectangle()
    editor.markHistoryStoppingPoint('move')
    editor.updateShape({ id, type: 'geo', x: 50 })
    editor.store.mergeRemoteChanges(() => editor.updateShape({ id, type: 'geo', x: 70 }))
    expect(stepHistory(editor, 'undo')).toBe(false)
    expect(editor.getShape(id)!.x).toBe(70)
  })
})
