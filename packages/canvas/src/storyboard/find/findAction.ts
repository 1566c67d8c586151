import type { Editor, TLUiActionItem } from 'tldraw'
import { openFindBar } from './findBarState'

/**
 * "Find…": Ctrl+F / Cmd+F (tldraw's `$`) on the board opens the find bar. tldraw's key handling
 * keeps it off while a field has the keyboard, where the browser's own find stays; it works
 * from the canvas and from the strip (tldraw listens on the page's body), and for viewers.
 */
export const FIND_ACTION_ID = 'storyboard.find'

/** The action's label, as a tldraw translation. */
export const FIND_TRANSLATIONS: Record<string, string> = { [FIND_ACTION_ID]: 'Find…' }

/** The action item, keyed by id, for `overrides.actions`. */
export function findActions(editor: Editor): Record<string, TLUiActionItem> {
  return {
    [FIND_ACTION_ID]: {
      id: FIND_ACTION_ID,
      label: FIND_ACTION_ID,
      kbd: '$f',
      readonlyOk: true,
      onSelect: () => openFindBar(editor),
    },
  }
}
