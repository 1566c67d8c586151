import type { Editor } from 'tldraw'

/** What focuses each board's strip: the strip registers it while it is on screen. */
const focusers = new WeakMap<Editor, () => void>()

/**
 * Lets the strip of `editor`'s board be focused from outside it (the "go to sequence strip"
 * action, which tldraw's overrides create without access to the strip). Returns the unregister.
 */
export function registerStripFocus(editor: Editor, focus: () => void): () => void {
  focusers.set(editor, focus)
  return () => {
    if (focusers.get(editor) === focus) focusers.delete(editor)
  }
}

/** Moves the keyboard to the board's sequence strip (see `useStripKeyboard`); false when there is no strip. */
export function focusSequenceStrip(editor: Editor): boolean {
  const focus = focusers.get(editor)
  focus?.()
  return focus !== undefined
}
