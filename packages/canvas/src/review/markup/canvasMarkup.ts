import { atom, type Atom, type Editor } from 'tldraw'
import type { ShownMarkup } from './stageMarkup'

const shown = new WeakMap<Editor, Atom<ShownMarkup | null>>()

/**
 * The comment drawing this person sees over its shot on the canvas (pointed at in the Comments
 * list, or pinned): theirs alone, in memory, never in the board's document (no sync, no undo, no
 * export). One per editor, shared by the Comments list and the layer that draws it.
 */
export function canvasShownMarkup(editor: Editor): Atom<ShownMarkup | null> {
  let existing = shown.get(editor)
  if (!existing) {
    existing = atom<ShownMarkup | null>('canvas shown markup', null)
    shown.set(editor, existing)
  }
  return existing
}
