import { useEffect, useRef, type RefObject } from 'react'

/**
 * Calls `onEscape` when Escape is pressed inside `ref`'s element (a panel over the canvas), and
 * keeps the key from the canvas, where Escape clears the selection. A native listener: tldraw sees
 * keys on its container before React's root does. `active` false (e.g. a closed panel) listens to nothing.
 */
export function useEscapeInside(ref: RefObject<HTMLElement | null>, onEscape: () => void, active = true): void {
  const latest = useRef(onEscape)
  latest.current = onEscape
  useEffect(() => {
    const el = ref.current
    if (!active || !el) return
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return
      e.preventDefault()
      e.stopPropagation()
      latest.current()
    }
    el.addEventListener('keydown', onKey)
    return () => el.removeEventListener('keydown', onKey)
  }, [ref, active])
}
