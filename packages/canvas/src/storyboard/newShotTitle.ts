import type { Editor, TLShapeId } from 'tldraw'
import { editShotTitle, endTitleEdit, focusCanvas } from './sequence/sequenceCommands'

/** For each board, the new shot whose title edit was opened as it was made (until that edit ends). */
const fresh = new WeakMap<Editor, string>()

/**
 * Opens the title of a shot just made (Shift+S, "+ Add shot", insert before/after) with the
 * keyboard in it, as a new row of a spreadsheet or a new card in Trello takes the typing: the
 * keys typed next name the shot instead of reaching the canvas's tool shortcuts ("d" picked the
 * draw tool). Where the shot cannot be edited (a viewer's board) the canvas takes the keyboard.
 */
export function editNewShotTitle(editor: Editor, shotId: TLShapeId): void {
  if (editShotTitle(editor, shotId)) fresh.set(editor, shotId)
  else focusCanvas(editor)
}

/**
 * Whether Enter in the title of `shotId` should keep the field open: still the new shot's first
 * edit and nothing typed yet. Before the title opened by itself, people pressed Enter to open
 * it; that Enter would now close it at once and send the title they type next to the canvas.
 */
export function keepsNewShotTitleOpen(editor: Editor, shotId: string, title: string): boolean {
  return title === '' && fresh.get(editor) === shotId
}

/**
 * Ctrl/⌘+Z in the title of `shotId` while it is still the new shot's untouched title: takes the
 * shot back, as Ctrl+Z right after Shift+S did before the title opened by itself (the keys now go
 * to the field, where the browser would undo nothing). Ends the edit, gives the keyboard to the
 * canvas and undoes once: the edit's history mark has nothing after it, so that one undo removes
 * the shot. Returns whether it did.
 */
export function undoUntouchedNewShot(editor: Editor, shotId: string, title: string): boolean {
  if (!keepsNewShotTitleOpen(editor, shotId, title)) return false
  endTitleEdit(editor)
  focusCanvas(editor)
  editor.undo()
  return true
}

/**
 * The new shot's untouched title lost the keyboard (a panel's button, another field, the canvas
 * given the keys): the edit ends, as a click on the canvas would end it. It opened by itself, so
 * leaving it open would keep tldraw editing — Shift+S, Delete and the tool keys doing nothing on
 * the canvas afterwards — with no field in sight taking the keys. The window itself losing focus
 * (another app) keeps it open. A title the person opened, or has typed in, keeps tldraw's rule.
 */
export function endNewShotTitleOnBlur(editor: Editor, shotId: string, title: string, windowFocused: boolean): boolean {
  if (!windowFocused || editor.getEditingShapeId() !== shotId || !keepsNewShotTitleOpen(editor, shotId, title)) return false
  endTitleEdit(editor)
  return true
}

/** The title edit of `shotId` has ended, however it ended. */
export function newShotTitleEnded(editor: Editor, shotId: string): void {
  if (fresh.get(editor) === shotId) fresh.delete(editor)
}
