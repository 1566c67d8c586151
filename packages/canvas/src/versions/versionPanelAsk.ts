import { atom, type Atom, type Editor, type TLShapeId } from 'tldraw'

/**
 * How many times something on `editor`'s page asked for the Versions panel (the "Show takes" of a
 * frame whose take is unreadable); StoryboardOverlays opens it on each ask. Local to this page.
 */
const asks = new WeakMap<Editor, Atom<number>>()

/** The count of asks for the Versions panel on `editor`'s page (0: none yet). */
export function versionPanelAsksOf(editor: Editor): Atom<number> {
  let count = asks.get(editor)
  if (!count) asks.set(editor, (count = atom('version panel asks', 0)))
  return count
}

/** Selects the shot alone and opens the Versions panel on its takes. */
export function showTakesOf(editor: Editor, shotId: string): void {
  editor.select(shotId as TLShapeId)
  versionPanelAsksOf(editor).update((n) => n + 1)
}
