import { useEffect, useState, type RefObject } from 'react'

/** How far beyond the visible part of the list a card counts as near: one screen either way. */
const NEAR_MARGIN = '100% 0px'

/** The nearest ancestor of `element` that scrolls vertically, or null for the viewport. */
function scrollParent(element: HTMLElement): HTMLElement | null {
  for (let parent = element.parentElement; parent; parent = parent.parentElement) {
    const { overflowY } = getComputedStyle(parent)
    if (overflowY === 'auto' || overflowY === 'scroll') return parent
  }
  return null
}

/**
 * The keys (`data-key`, see below) of the elements in `list` that are on screen or within a
 * screen of it, in the list's scrolling container, kept current while it scrolls or resizes;
 * `keys` change when the elements do (new ones are then watched). One IntersectionObserver for the list.
 */
export function useNearScreen(list: RefObject<HTMLElement | null>, keys: readonly string[]): ReadonlySet<string> {
  const [near, setNear] = useState<ReadonlySet<string>>(() => new Set())
  const watched = keys.join('\n')

  useEffect(() => {
    const element = list.current
    if (!element) return
    // The margin applies to the root only: with the viewport as root, the scrolling container
    // would clip cards just below it, and nothing would be made ahead of the scroll.
    const observer = new IntersectionObserver(
      (entries) => {
        setNear((current) => {
          const next = new Set(current)
          for (const entry of entries) {
            const key = (entry.target as HTMLElement).dataset.key
            if (key === undefined) continue
            if (entry.isIntersecting) next.add(key)
            else next.delete(key)
          }
          return next
        })
      },
      { root: scrollParent(element), rootMargin: NEAR_MARGIN },
    )
    for (const child of element.querySelectorAll<HTMLElement>('[data-key]')) observer.observe(child)
    return () => observer.disconnect()
  }, [list, watched])

  return near
}
