import { useRef, type PointerEvent } from 'react'
import { swipeStep } from './swipe'

type SwipeHandlers = {
  onPointerDown(event: PointerEvent): void
  onPointerUp(event: PointerEvent): void
  onPointerCancel(): void
  /** The element's own (non-passive) touch listener: see {@link consumeSidewaysMoves}. */
  ref(element: HTMLElement | null): (() => void) | undefined
}

/**
 * A finger's sideways moves are the swipe's: taken from the browser (its first move decides), so a
 * swipe lifted mid-move starts no fling — the tap that stopped one, on Comment or a verdict just
 * after turning the shot, was no click. Up and down moves stay the page's scrolling; two fingers
 * its zoom. React's touch listeners are passive, so this is a native one.
 */
function consumeSidewaysMoves(element: HTMLElement): () => void {
  let from: { x: number; y: number } | undefined
  const onStart = (event: TouchEvent) => {
    const touch = event.touches[0]
    from = event.touches.length === 1 && touch ? { x: touch.clientX, y: touch.clientY } : undefined
  }
  const onMove = (event: TouchEvent) => {
    const touch = event.touches[0]
    if (!from || !touch || event.touches.length !== 1 || !event.cancelable) return
    if (Math.abs(touch.clientX - from.x) > Math.abs(touch.clientY - from.y)) event.preventDefault()
  }
  element.addEventListener('touchstart', onStart, { passive: true })
  element.addEventListener('touchmove', onMove, { passive: false })
  return () => {
    element.removeEventListener('touchstart', onStart)
    element.removeEventListener('touchmove', onMove)
  }
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
    ref: (element) => (element ? consumeSidewaysMoves(element) : undefined),
  }
}
