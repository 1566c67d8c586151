import { useMemo, type KeyboardEvent } from 'react'
import { useToasts, type Editor } from 'tldraw'
import { historyStepToast } from '../board/historyStepNotice'
import { TypingUndoSteps, historyKey } from './typingUndoSteps'

/** What a text field of the shot inspector needs for undo in word-processor steps (`TypingUndoSteps`). */
export interface TypingUndo {
  readonly onFocus: () => void
  readonly onKeyDown: (e: KeyboardEvent<HTMLInputElement | HTMLTextAreaElement>) => void
  /** Call in `onChange`, before writing `value` over `previous`. */
  readonly beforeChange: (value: string, previous: string, at: number) => void
}

/**
 * Undo and redo for the shot inspector's text fields: typing undoes in steps ended by a pause
 * or a turn from typing to deleting, Ctrl+Z in the field is the board's undo of those steps
 * (not the browser's, one character at a time), and a press with nothing of the person's to
 * change, or none of the typing done in the field left, says so. One per inspector: each field's focus starts its own session.
 */
export function useTypingUndo(editor: Editor): TypingUndo {
  const { addToast } = useToasts()
  return useMemo(() => {
    const steps = new TypingUndoSteps(editor)
    return {
      onFocus: () => steps.focus(),
      onKeyDown: (e) => {
        const step = historyKey(e)
        if (!step) return
        e.preventDefault()
        e.stopPropagation()
        const notice = steps.press(step)
        if (notice) addToast(historyStepToast(notice))
      },
      beforeChange: (value, previous, at) => steps.beforeChange(value, previous, at),
    }
  }, [editor, addToast])
}
