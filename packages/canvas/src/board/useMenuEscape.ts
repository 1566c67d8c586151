import { useEffect } from 'react'
import type { Editor } from 'tldraw'

/**
 * While a tldraw popover menu is `open`, Escape closes the menu only: Radix closes it and gives
 * the keyboard back to the menu's button, and the canvas, told the key was handled, keeps its
 * selection (tldraw's own Escape cleared it). Caught on the window before anyone: a listener on
 * the menu's element (as `useEscapeInside`) never hears it, as Radix's close, on the document,
 * unmounts the menu at once (tldraw keeps open menus in a signal that re-renders synchronously).
 */
export function useMenuEscape(editor: Editor, open: boolean): void {
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      // Marked, not stopped: Radix, on the document, still has to see it to close the menu.
      if (event.key === 'Escape') editor.markEventAsHandled(event)
    }
    window.addEventListener('keydown', onKey, { capture: true })
    return () => window.removeEventListener('keydown', onKey, { capture: true })
  }, [editor, open])
}
