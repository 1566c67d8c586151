import { useEffect, type RefObject } from 'react'
import type { Editor } from 'tldraw'

const FIELD = 'input, textarea, select'

/**
 * Escape in one of `panel`'s fields (a panel inside tldraw's container, like the shot inspector)
 * only leaves the field: the keys go back to the canvas and the selection stays. tldraw's own
 * Escape, which listens on its container, would also clear the selection, so the next Ctrl+Z
 * only brought the selection back and the edit just made seemed not to undo. A second Escape,
 * from the canvas, clears the selection as usual.
 */
export function useEscapeLeavesField(editor: Editor, panel: RefObject<HTMLElement | null>): void {
  useEffect(() => {
    const element = panel.current
    if (!element) return
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.altKey || event.ctrlKey || event.metaKey || event.shiftKey) return
      if (!(event.target instanceof Element) || !event.target.matches(FIELD)) return
      // Marked, not stopped: React handlers in the panel (at the root, above tldraw's container) still see it.
      editor.markEventAsHandled(event)
      editor.getContainer().focus()
    }
    element.addEventListener('keydown', onKeyDown)
    return () => element.removeEventListener('keydown', onKeyDown)
  }, [editor, panel])
}
