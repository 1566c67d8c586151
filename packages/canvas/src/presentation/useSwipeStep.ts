import { useRef, type PointerEvent } from 'react'
import { swipeStep } from './swipe'

type SwipeHandlers = {
  onPointerDown(event: PointerEvent): void
  onPointerUp(event: PointerEvent): void
  onPointerCancel(): void
}

/**
 * Pointer handlers that call `onStep(±1)` when a finger swipes sideways across the element (a
 * phone's way to turn to the next shot). Touch only: a mouse has the buttons. The element lets
 * the browser have vertical drags (`touch-action: pan-y`), which it cancels as it scrolls.
 */
export function useSwipeStep(onStep: (delta: number) => void): SwipeHandlers {
  const start = useRef<{ pointerId: number; x: number; y: number }>(undefined)
  return {
    onPointerDown(event) {
      if (event.pointerType === 'touch' && event.isPrimary) start.current = { pointerId: event.pointerId, x: event.clientX, y: event.clientY }
    },
    onPointerUp(event) {
      const from = start.current
      if (!from || from.pointerId !== event.pointerId) return
      start.current = undefined
      const delta = swipeStep(event.clientX - from.x, event.clientY - from.y)
      if (delta !== 0) onStep(delta)
    },
    onPointerCancel() {
      start.current = undefined
    },
  }
}
