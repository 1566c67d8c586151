import { useEffect } from 'react'

/**
 * Calls `onEscape` when Escape is pressed anywhere on the page (closing a dialog). The dialog
 * takes the key before anything else: focus often stays on what opened it, inside the canvas,
 * where Escape would also clear the selection (and empty the panel the dialog came from).
 */
export function useEscapeKey(onEscape: () => void): void {
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      onEscape()
    }
    window.addEventListener('keydown', onKey, { capture: true })
    return () => window.removeEventListener('keydown', onKey, { capture: true })
  }, [onEscape])
}
