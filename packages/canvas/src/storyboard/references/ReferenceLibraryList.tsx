import { useRef, useState, type RefObject } from 'react'
import { defaultRangeExtractor, useVirtualizer } from '@tanstack/react-virtual'
import type { TLShapeId } from 'tldraw'
import { ReferenceLibraryItem } from './ReferenceLibraryItem'
import type { LibraryEntry } from './referenceLibrary'

/** A row's height before it is measured: a 72 px thumbnail beside name, roles, shots and button. */
const ESTIMATED_ROW_HEIGHT = 96
/** Space between two rows. */
const ROW_GAP = 10
/** How many rows either side of the focused one are kept mounted, whatever is scrolled into view. */
const FOCUS_REACH = 4

/**
 * The library's rows, only those scrolled into view (and a few either side) in the DOM: a board
 * with 400 references mounted them all when the panel opened, one long task of 0.5–1.2 s. Each
 * row says its place (`aria-posinset` of `aria-setsize`), so a screen reader still hears "3 of
 * 400". Tab walks the rows: the rows either side of the focused one are mounted with it, the
 * browser scrolls the focused one into view, and the row holding the focus stays mounted when
 * the list is scrolled away from it, so the focus is never dropped to the page.
 */
export function ReferenceLibraryList({
  entries,
  selectedShots,
  scrollElement,
}: {
  entries: readonly LibraryEntry[]
  /** The selected shots' ids. */
  selectedShots: readonly TLShapeId[]
  /** The element that scrolls the list (the panel). */
  scrollElement: RefObject<HTMLElement | null>
}) {
  const list = useRef<HTMLUListElement>(null)
  const [focused, setFocused] = useState<number | null>(null)
  const virtualizer = useVirtualizer({
    count: entries.length,
    getScrollElement: () => scrollElement.current,
    estimateSize: () => ESTIMATED_ROW_HEIGHT,
    gap: ROW_GAP,
    overscan: 4,
    getItemKey: (index) => entries[index]!.id,
    // Where the list starts in the panel (below its padding).
    scrollMargin: list.current?.offsetTop ?? 0,
    rangeExtractor: (range) => {
      const indexes = defaultRangeExtractor(range)
      if (focused === null || focused >= range.count) return indexes
      // The focused row, and the rows a few Tabs either side of it: mounted with the focus itself,
      // not once the browser's scroll to the focused row has reached the virtualizer (a frame or
      // more later), so Tab pressed faster than that (held down, a slow machine) still finds a row.
      const near = Array.from({ length: 2 * FOCUS_REACH + 1 }, (_, i) => focused - FOCUS_REACH + i).filter((i) => i >= 0 && i < range.count)
      return [...new Set([...indexes, ...near])].sort((a, b) => a - b)
    },
  })
  const top = virtualizer.options.scrollMargin
  return (
    <ul
      ref={list}
      className="reference-library__list"
      style={{ height: virtualizer.getTotalSize() }}
      onFocus={(e) => {
        const row = (e.target as Element).closest<HTMLElement>('[data-index]')
        if (row) setFocused(Number(row.dataset.index))
      }}
      onBlur={(e) => {
        if (!e.currentTarget.contains(e.relatedTarget as Node | null)) setFocused(null)
      }}
    >
      {virtualizer.getVirtualItems().map((row) => (
        <ReferenceLibraryItem
          key={row.key}
          ref={virtualizer.measureElement}
          entry={entries[row.index]!}
          selectedShots={selectedShots}
          index={row.index}
          setSize={entries.length}
          offset={row.start - top}
        />
      ))}
    </ul>
  )
}
