import { useEffect, useState, type RefObject } from 'react'

/**
 * The horizontal window a scroll container shows (scroll offset and width), updated on scroll
 * and resize, so the strip can render only the cards inside it.
 */
export function useStripViewport(ref: RefObject<HTMLElement | null>): { left: number; width: number } {
  const [view, setView] = useState({ left: 0, width: 0 })
  useEffect(() => {
    const element = ref.current
    if (!element) return
    const read = () => setView((v) => {
      const next = { left: element.scrollLeft, width: element.clientWidth }
      return v.left === next.left && v.width === next.width ? v : next
    })
    read()
    const observer = new ResizeObserver(read)
    observer.observe(element)
    element.addEventListener('scroll', read, { passive: true })
    return () => {
      observer.disconnect()
      element.removeEventListener('scroll', read)
    }
  }, [ref])
  return view
}
