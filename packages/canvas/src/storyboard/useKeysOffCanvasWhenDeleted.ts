import { useLayoutEffect, useRef, type RefObject } from 'react'
import { useToasts, type Editor } from 'tldraw'

/**
 * For a shot's fields (its inspector, its title edited on the canvas): when the shot is deleted
 * while you type in one of them — by someone else, or their undo — the field goes and the
 * browser drops the focus on the page, where tldraw took the rest of the sentence as shortcuts
 * (e the eraser, r a rectangle…). Then the editor is blurred instead, so those keys do nothing
 * until you click or focus something (which focuses it again), and a toast says what happened.
 * `what` names the shot ("Shot 1.2").
 */
export function useKeysOffCanvasWhenDeleted(editor: Editor, root: RefObject<HTMLElement | null>, shotId: string, what: string): void {
  const { addToast } = useToasts()
  const latest = useRef({ what, addToast })
  latest.current = { what, addToast }
  useLayoutEffect(() => {
    const element = root.current
    return () => {
      // Run while the fields are still in the page: only a field that had the keyboard matters.
      if (!element?.contains(element.ownerDocument.activeElement)) return
      if (editor.store.has(shotId as never)) return
      editor.blur()
      refocusOnNextPointerOrFocus(editor, element.ownerDocument)
      latest.current.addToast({
        title: `${latest.current.what} was deleted`,
        description: 'It was deleted while you were typing in it. Click the board to go on.',
        severity: 'warning',
      })
    }
  }, [editor, root, shotId])
}

/** tldraw does not focus a blurred editor by itself: the next press or focus anywhere does. */
function refocusOnNextPointerOrFocus(editor: Editor, document: Document): void {
  const refocus = () => {
    document.removeEventListener('pointerdown', refocus, true)
    document.removeEventListener('focusin', refocus, true)
    // The focus stays where it went: a field keeps its keys (tldraw ignores keys typed in fields).
    editor.focus({ focusContainer: false })
  }
  document.addEventListener('pointerdown', refocus, true)
  document.addEventListener('focusin', refocus, true)
}
