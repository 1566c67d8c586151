import { useEffect, useRef, type RefObject } from 'react'

/**
 * A popover's light dismiss: a press anywhere outside `inside`'s elements (its body and its toggle)
 * calls `onDismiss`. The press goes on to what it was aimed at (a shot on the canvas is selected
 * by it as usual). `active` false (a closed popover) listens to nothing.
 */
export function useDismissOutside(inside: readonly RefObject<HTMLElement | null>[], onDismiss: () => void, active: boolean): void {
  const latest = useRef({ inside, onDismiss })
  latest.current = { inside, onDismiss }
  useEffect(() => {
    if (!active) return
    const onPress = (event: PointerEvent) => {
      const target = event.target
      if (!(target instanceof Node)) return
      if (latest.current.inside.some((ref) => ref.current?.contains(target))) return
      latest.current.onDismiss()
    }
    // Capture: tldraw stops the canvas's pointer events from reaching the document's bubble phase.
    document.addEventListener('pointerdown', onPress, true)
    return () => document.removeEventListener('pointerdown', onPress, true)
  }, [active])
}
