// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createShapeId, type Editor } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessOwnUndoEditor } from '../board/testing/headlessEditor'
import { nothingToStepNotice, nothingTypedToStepNotice } from '../board/historyStepNotice'
import { splitUndoWhereOthersTyped } from '../sync/splitUndoWhereOthersTyped'
import { TYPING_PAUSE_MS, TypingUndoSteps } from './typingUndoSteps'

let editor: Editor
afterEach(() => editor?.dispose())

/** A shot, and its action field focused in the inspector (which marks a stopping point, as ShotInspector's focus does). */
function focusedAction() {
  editor = headlessOwnUndoEditor()
  const id = createShapeId()
  editor.createShape<TLShotShape>({ id, type: 'shot', x: 0, y: 0 })
  editor.clearHistory()
  const steps = new TypingUndoSteps(editor)
  editor.markHistoryStoppingPoint('edit shot')
  steps.focus()
  let at = 0
  const action = () => editor.getShape<TLShotShape>(id)!.props.action
  /** Types `text` key by key, 80 ms apart, after `pause` ms; Backspace for '\b'. */
  const type = (text: string, pause = 80) => {
    at += pause - 80
    for (const key of text) {
      at += 80
      const value = key === '\b' ? action().slice(0, -1) : action() + key
      steps.beforeChange(value, action(), at)
      editor.updateShape<TLShotShape>({ id, type: 'shot', props: { action: value } })
    }
  }
  return { steps, type, action, id }
}

describe('TypingUndoSteps', () => {
  it('ends a step where someone else typed into the field, as the board does, so every step typed here still undoes here', () => {
    const { steps, type, action, id } = focusedAction()
    splitUndoWhereOthersTyped(editor)
    type('Mary opens the door.')
    editor.store.mergeRemoteChanges(() => editor.updateShape<TLShotShape>({ id, type: 'shot', props: { action: `INT. ${action()}` } }))
    type(' Rain.')
    const after = (['undo', 'undo'] as const).map((step) => [steps.step(step), action()])
    expect(after).toEqual([[true, 'INT. Mary opens the door.'], [true, 'INT. ']])
    expect(steps.hasLeft('undo')).toBe(false)
  })

  it('undoes a run of typing in one step, not one character at a time', () => {
    const { steps, type, action } = focusedAction()
    type('Mary opens the door.')
    expect(steps.step('undo')).toBe(true)
    expect(action()).toBe('')
  })

  it('ends a step where the writer paused, and undoes and redoes them one by one', () => {
    const { steps, type, action } = focusedAction()
    type('Mary opens the door.')
    type(' Rain blows in.', TYPING_PAUSE_MS)
    const after = (['undo', 'undo', 'redo', 'redo'] as const).map((step) => [steps.step(step), action()])
    expect(after).toEqual([[true, 'Mary opens the door.'], [true, ''], [true, 'Mary opens the door.'], [true, 'Mary opens the door. Rain blows in.']])
  })

  it('ends a step where the writer turns from typing to deleting', () => {
    const { steps, type, action } = focusedAction()
    type('Mary opens the dor')
    type('\b\b')
    type('oor.')
    const after = (['undo', 'undo', 'undo'] as const).map((step) => [steps.step(step), action()])
    expect(after).toEqual([[true, 'Mary opens the d'], [true, 'Mary opens the dor'], [true, '']])
  })

  it('undoes nothing from before the field got focus, and says so', () => {
    const { steps, type, action, id } = focusedAction()
    type('Mary opens the door.')
    // The writer leaves the field, moves the shot, and comes back to it.
    editor.markHistoryStoppingPoint('move')
    editor.updateShape({ id, type: 'shot', x: 300 })
    editor.markHistoryStoppingPoint('edit shot')
    steps.focus()
    type(' Rain.')
    expect(steps.step('undo')).toBe(true)
    expect(action()).toBe('Mary opens the door.')
    expect(steps.step('undo')).toBe(false)
    expect(editor.getShape(id)!.x).toBe(300)
    expect(steps.step('redo')).toBe(true)
    expect(steps.step('redo')).toBe(false)
  })

  it('starts a new step when the writer types again after an undo, dropping the redo', () => {
    const { steps, type, action } = focusedAction()
    type('Mary opens the door.')
    type(' Rain.', TYPING_PAUSE_MS)
    steps.step('undo')
    type(' Thunder.')
    expect(steps.step('redo')).toBe(false)
    expect(steps.step('undo')).toBe(true)
    expect(action()).toBe('Mary opens the door.')
  })

  it('a press says nothing when it undid something, and names what is missing when it could not: the typing here, or anything still yours', () => {
    const { steps, type, action, id } = focusedAction()
    type('Mary opens the door.')
    expect(steps.press('redo')).toEqual(nothingTypedToStepNotice('redo'))
    expect(steps.press('undo')).toBeNull()
    expect(steps.press('undo')).toEqual(nothingTypedToStepNotice('undo'))
    expect(steps.press('redo')).toBeNull()
    expect(action()).toBe('Mary opens the door.')
    // Someone else rewrites the field: the step typed here is no longer the writer's to undo.
    editor.store.mergeRemoteChanges(() => editor.updateShape<TLShotShape>({ id, type: 'shot', props: { action: 'INT. HALL' } }))
    expect(steps.press('undo')).toEqual(nothingToStepNotice('undo'))
    expect(action()).toBe('INT. HALL')
  })
})
