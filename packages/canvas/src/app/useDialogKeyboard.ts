import { useLayoutEffect, useRef, type RefObject } from 'react'
import { useEscapeKey } from './useEscapeKey'

/**
 * The events Radix's focus scope sends its dialog's content when it opens and closes, before
 * moving focus (its `onOpenAutoFocus` / `onCloseAutoFocus`; tldraw's dialogs do not pass those
 * props through). On close Radix's dialog focuses its trigger, and tldraw's dialogs (opened with
 * `addDialog`) have none: left alone, the keyboard ends on the page's body.
 */
const AUTOFOCUS_ON_MOUNT = 'focusScope.autoFocusOnMount'
const AUTOFOCUS_ON_UNMOUNT = 'focusScope.autoFocusOnUnmount'

/**
 * The keyboard of a tldraw dialog holding `inside` (any element rendered in it):
 * - on close, focus goes back to what had it when the dialog opened (the button that opened
 *   it, or the canvas for a shortcut), else to the canvas — not to the page's body;
 * - Escape closes the dialog only: reaching the canvas too, it cleared the selection;
 * - `focusOnOpen`, when given, puts the keyboard somewhere other than Radix's first focusable
 *   element (the header's Close button); it returns false when it found nothing to focus.
 */
export function useDialogKeyboard(inside: RefObject<HTMLElement | null>, onClose: () => void, focusOnOpen?: () => boolean): void {
  useEscapeKey(onClose)
  // The latest one, read when the dialog opens: the effect below runs once per dialog.
  const focusOnOpenRef = useRef(focusOnOpen)
  focusOnOpenRef.current = focusOnOpen
  useLayoutEffect(() => {
    const content = inside.current?.closest('.tlui-dialog__content')
    if (!content) return
    // Read now: the focus scope moves focus only after layout effects.
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    // Found now too: on close the content is already out of the page, with no canvas above it.
    const canvas = content.closest<HTMLElement>('.tl-container')
    const onOpen = (event: Event) => {
      if (focusOnOpenRef.current?.()) event.preventDefault()
    }
    const onClose = (event: Event) => {
      // A menu item that opened it is gone with its menu: then the canvas.
      const back = opener?.isConnected && opener !== document.body ? opener : canvas
      if (!back) return
      event.preventDefault()
      back.focus({ preventScroll: true })
    }
    content.addEventListener(AUTOFOCUS_ON_MOUNT, onOpen)
    // Left in place on unmount: the scope sends it after this component is gone.
    content.addEventListener(AUTOFOCUS_ON_UNMOUNT, onClose, { once: true })
    return () => content.removeEventListener(AUTOFOCUS_ON_MOUNT, onOpen)
  }, [inside])
}
