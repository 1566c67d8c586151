import { useLayoutEffect, useRef, type ReactNode } from 'react'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { useWholeOnTap } from './useWholeOnTap'

/**
 * The title's text for a tooltip, which cannot hold a `<bdi>`: each name set in one (the board's,
 * a review link's label) isolated there as on the page (isolatedName), the text between as it is.
 */
function tooltipText(heading: HTMLElement): string {
  return Array.from(heading.childNodes, (node) => (node instanceof HTMLElement && node.localName === 'bdi' ? isolatedName(node.textContent ?? '') : (node.textContent ?? ''))).join('')
}

/**
 * Present's header title. A long one is cut with an ellipsis to leave the header's controls their
 * room (stage.css): its full text shows in a tooltip, and, where there is no hover (a phone, a
 * tablet), a tap on it shows it whole (useWholeOnTap). Screen
 * readers read it whole regardless (the heading's name is its text, which the ellipsis only hides).
 */
export function PresentationTitle({ children }: { children: ReactNode }) {
  const heading = useRef<HTMLHeadingElement>(null)
  const wholeOnTap = useWholeOnTap()
  // Read from what was rendered, after each render (a rename changes it): the title is set by the page, names in <bdi>.
  useLayoutEffect(() => {
    const element = heading.current
    if (!element) return
    const text = tooltipText(element)
    if (element.title !== text) element.title = text
  })
  return (
    <h1 className="presentation__title" ref={heading} {...wholeOnTap}>
      {children}
    </h1>
  )
}
