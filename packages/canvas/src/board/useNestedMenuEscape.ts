import { useEffect, type RefObject } from 'react'

/**
 * While the menu whose buttons are in `items` is `open`, Escape in a menu opened from one of them
 * (Comments, Review link) closes that menu only, the keyboard back on its button. Radix closes it
 * at once but gives the keyboard back only later; in between the keyboard is on the page body, and
 * tldraw's page menu takes a key pressed there as a reason to close every open menu, this one too.
 * So the button gets the keyboard back within the same key press, before the page menu hears it.
 */
export function useNestedMenuEscape(items: RefObject<HTMLElement | null>, open: boolean): void {
  useEffect(() => {
    if (!open) return
    const onKey = (event: KeyboardEvent) => {
      const list = items.current
      if (event.key !== 'Escape' || !list || list.contains(document.activeElement)) return
      const button = list.querySelector<HTMLElement>('[aria-expanded="true"]')
      if (!button) return
      // Added now, on the window, before the event reaches the document: it runs after Radix's own listener there has closed the menu.
      const giveBack = () => {
        if (document.activeElement === document.body && button.isConnected) button.focus()
      }
      document.addEventListener('keydown', giveBack, { capture: true, once: true })
    }
    window.addEventListener('keydown', onKey, { capture: true })
    return () => window.removeEventListener('keydown', onKey, { capture: true })
  }, [items, open])
}
