import type { Editor } from 'tldraw'

/** For each board, where the keyboard goes back to when the title edit of `shotId` is left from the keyboard. */
const returns = new WeakMap<Editor, { shotId: string; giveBack: () => void }>()

/**
 * Asks for the keyboard back when the title edit about to start on `shotId` ends with Enter
 * or Escape: a rename started from somewhere else than the canvas (a strip card) goes back
 * there, instead of the field's focus falling to the page's body when the field goes. Only the
 * next edit of that shot counts; an edit ended another way (a click elsewhere, which puts the
 * focus where it clicks) forgets it.
 */
export function returnKeyboardAfterTitleEdit(editor: Editor, shotId: string, giveBack: () => void): void {
  returns.set(editor, { shotId, giveBack })
}

/** Whether leaving the title edit of `shotId` from the keyboard gives the keyboard back somewhere. */
export function keyboardReturnAsked(editor: Editor, shotId: string): boolean {
  return returns.get(editor)?.shotId === shotId
}

/**
 * The title edit of `shotId` has ended: gives the keyboard back if it ended from the keyboard and
 * someone asked for it. Returns whether it did (else a keyboard end leaves the keyboard to the caller).
 */
export function titleEditEnded(editor: Editor, shotId: string, fromKeyboard: boolean): boolean {
  const asked = returns.get(editor)
  if (!asked || asked.shotId !== shotId) return false
  returns.delete(editor)
  if (fromKeyboard) asked.giveBack()
  return fromKeyboard
}
