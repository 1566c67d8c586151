import { useEffect, useState, type RefObject } from 'react'
import type { Orientation } from './printOptions'

/** The preview's paper width, as print.css sets `.print-sheet`'s (A4; the print dialog may pick Letter). */
const PAPER_WIDTH_MM: Record<Orientation, number> = { landscape: 297, portrait: 210 }
const PX_PER_MM = 96 / 25.4
/** The room on screen each side of the preview's page (print.css: `.print-sheet`'s margin). */
const PREVIEW_GUTTER_PX = 24

/**
 * How much the on-screen preview is scaled so that its page fits `width` CSS pixels (a phone):
 * 1 where the paper fits, never larger. Print is not scaled (print.css applies it on screen only).
 */
export function previewZoom(width: number, orientation: Orientation): number {
  return Math.min(1, width / (PAPER_WIDTH_MM[orientation] * PX_PER_MM + 2 * PREVIEW_GUTTER_PX))
}

/** {@link previewZoom} for the width of `page` (the scrolling preview), followed as it is resized or turned. */
export function usePreviewZoom(page: RefObject<HTMLElement | null>, orientation: Orientation): number {
  const [width, setWidth] = useState<number | null>(null)
  useEffect(() => {
    const element = page.current
    if (!element) return
    const observer = new ResizeObserver(() => setWidth(element.clientWidth))
    observer.observe(element)
    return () => observer.disconnect()
  }, [page])
  return width === null ? 1 : previewZoom(width, orientation)
}
