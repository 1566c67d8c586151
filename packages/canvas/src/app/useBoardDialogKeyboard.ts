import { useLayoutEffect, type RefObject } from 'react'
import { useEscapeKey } from './useEscapeKey'

const FOCUSABLE = 'button:not([disabled]), input:not([disabled]), select:not([disabled]), textarea:not([disabled]), a[href], [tabindex]:not([tabindex="-1"])'

function focusables(dialog: HTMLElement): HTMLElement[] {
  return [...dialog.querySelectorAll<HTMLElement>(FOCUSABLE)]
}

/**
 * The keyboard of one of our own page dialogs (`.board-dialog`, `aria-modal`, drawn over the
 * whole board; tldraw's dialogs use useDialogKeyboard): it takes the keyboard when it opens (its
 * first control), Tab and Shift+Tab go round its own controls only (they used to walk on into the
 * panels and canvas hidden behind it), Escape closes it, and on close the keyboard goes back to
 * what had it before (the take clicked, or the button that opened it).
 */
export function useBoardDialogKeyboard(dialog: RefObject<HTMLElement | null>, onClose: () => void): void {
  useEscapeKey(onClose)
  useLayoutEffect(() => {
    const el = dialog.current
    if (!el) return
    const opener = document.activeElement instanceof HTMLElement ? document.activeElement : null
    ;(focusables(el)[0] ?? el).focus({ preventScroll: true })
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Tab') return
      const list = focusables(el)
      const first = list[0]
      const last = list[list.length - 1]
      const active = document.activeElement
      const outside = !el.contains(active)
      if (!first || !last) {
        e.preventDefault()
      } else if (e.shiftKey && (outside || active === first)) {
        e.preventDefault()
        last.focus()
      } else if (!e.shiftKey && (outside || active === last)) {
        e.preventDefault()
        first.focus()
      }
    }
    document.addEventListener('keydown', onKey, { capture: true })
    return () => {
      document.removeEventListener('keydown', onKey, { capture: true })
      if (opener?.isConnected && opener !== document.body) opener.focus({ preventScroll: true })
    }
  }, [dialog])
}
