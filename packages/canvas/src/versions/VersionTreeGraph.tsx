import { useLayoutEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react'
import { fitVersionTree, visiblePart, type PlacedVersion, type VersionTreeLayout, type Viewport } from './versionTreeLayout'
import { neighbourInTree, type TreeDirection } from './treeNavigation'
import { VersionNode } from './VersionNode'

export interface VersionTreeGraphProps {
  layout: VersionTreeLayout
  activeId: string | null
  previewId: string | null
  compareIds: readonly string[]
  onPreview(versionId: string, addToCompare: boolean): void
  onActivate(versionId: string): void
}

/** The margin around the drawn tree inside its scroller (`.version-graph__canvas`). */
const CANVAS_MARGIN = 8

/**
 * Moves the keyboard to take `id`'s node in the graph `el`: at once when it is drawn, else once
 * the scroll has drawn it (a frame later), and then only if the keyboard is still in the graph
 * or on the page: a button tabbed to meanwhile keeps it (Enter there must not land on the node).
 */
function focusNode(el: HTMLElement | null, id: string): void {
  const node = () => el?.querySelector<HTMLElement>(`[data-version-id="${id}"]`)
  const now = node()
  if (now) return now.focus()
  requestAnimationFrame(() => {
    const focused = document.activeElement
    if (el && (focused === null || focused === document.body || el.contains(focused))) node()?.focus()
  })
}

/**
 * The version tree drawn as a graph: lines from parent to child, the active path highlighted.
 * Takes are drawn smaller so a row of siblings fits the panel's width; a take that lands is
 * scrolled into view. Only what is scrolled into view is rendered, so a shot with hundreds of
 * takes stays smooth.
 */
export function VersionTreeGraph({ layout: laidOut, activeId, previewId, compareIds, onPreview, onActivate }: VersionTreeGraphProps) {
  const scroller = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<Viewport>({ left: 0, top: 0, width: 360, height: 400 })

  useLayoutEffect(() => {
    const el = scroller.current
    if (!el) return
    const measure = () => setView({ left: el.scrollLeft, top: el.scrollTop, width: el.clientWidth, height: el.clientHeight })
    measure()
    let frame = 0
    const onScroll = () => {
      cancelAnimationFrame(frame)
      frame = requestAnimationFrame(measure)
    }
    el.addEventListener('scroll', onScroll, { passive: true })
    const observer = new ResizeObserver(measure)
    observer.observe(el)
    return () => {
      cancelAnimationFrame(frame)
      el.removeEventListener('scroll', onScroll)
      observer.disconnect()
    }
  }, [])

  const layout = useMemo(() => fitVersionTree(laidOut, view.width - 2 * CANVAS_MARGIN), [laidOut, view.width])
  const revealIfOutside = (node: PlacedVersion | undefined) => {
    const el = scroller.current
    if (!el || !node) return
    const outside =
      node.x < el.scrollLeft || node.x + layout.nodeWidth + 2 * CANVAS_MARGIN > el.scrollLeft + el.clientWidth ||
      node.y < el.scrollTop || node.y + layout.nodeHeight + 2 * CANVAS_MARGIN > el.scrollTop + el.clientHeight
    if (outside) el.scrollTo({ left: Math.max(0, node.x - 40), top: Math.max(0, node.y - 40) })
  }
  // Keep the active take in view when the tree first shows or the active version changes.
  useLayoutEffect(() => {
    revealIfOutside(layout.nodes.find((n) => n.version.id === activeId))
    // Only when the active version changes (or first shows), not on every re-layout.
  }, [activeId, layout.nodes.length > 0])
  // A take that lands (anyone's) is brought into view, even when it does not become the active one.
  const newest = useMemo(() => newestNode(layout.nodes), [layout])
  const seenNewest = useRef<string | null | undefined>(undefined)
  useLayoutEffect(() => {
    const id = newest?.version.id ?? null
    const before = seenNewest.current
    seenNewest.current = id
    if (before !== undefined && id !== before && id !== activeId) revealIfOutside(newest ?? undefined)
  }, [newest?.version.id])

  const part = useMemo(() => visiblePart(layout, view), [layout, view])
  const keys: Record<string, TreeDirection> = { ArrowUp: 'up', ArrowDown: 'down', ArrowLeft: 'left', ArrowRight: 'right' }
  // Arrow keys walk the tree (previewing as they go), Enter makes the previewed take active.
  const onKeyDown = (e: KeyboardEvent) => {
    const direction = keys[e.key]
    const current = previewId ?? activeId
    if (e.key === 'Enter' && current) onActivate(current)
    else if (direction) {
      const next = current ? neighbourInTree(layout, current, direction) : (layout.nodes[0]?.version.id ?? null)
      if (next) {
        onPreview(next, false)
        const node = layout.nodes.find((n) => n.version.id === next)
        const el = scroller.current
        if (node && el) el.scrollTo({ left: Math.max(0, node.x - el.clientWidth / 2), top: Math.max(0, node.y - el.clientHeight / 2) })
        focusNode(el, next)
      }
    } else return
    e.preventDefault()
    e.stopPropagation() // arrows and Enter must not move or edit shapes on the canvas
  }
  const compared = new Set(compareIds)
  return (
    <div className="version-graph" ref={scroller} data-testid="version-graph" onKeyDown={onKeyDown}>
      <div className="version-graph__canvas" style={{ width: layout.width, height: layout.height }}>
        <svg className="version-graph__edges" width={layout.width} height={layout.height} aria-hidden>
          {part.edges.map((edge) => {
            const x1 = edge.from.x + layout.nodeWidth / 2
            const y1 = edge.from.y + layout.nodeHeight
            const x2 = edge.to.x + layout.nodeWidth / 2
            const y2 = edge.to.y
            const mid = (y1 + y2) / 2
            return (
              <path
                key={`${edge.from.version.id}-${edge.to.version.id}`}
                className="version-graph__edge"
                data-on-path={edge.onActivePath || undefined}
                data-parent-id={edge.from.version.id}
                data-child-id={edge.to.version.id}
                d={`M${x1},${y1} C${x1},${mid} ${x2},${mid} ${x2},${y2}`}
              />
            )
          })}
        </svg>
        {part.nodes.map((node) => (
          <VersionNode
            key={node.version.id}
            node={node}
            width={layout.nodeWidth}
            height={layout.nodeHeight}
            active={node.version.id === activeId}
            previewed={node.version.id === previewId}
            compared={compared.has(node.version.id)}
            onPreview={onPreview}
            onActivate={onActivate}
          />
        ))}
      </div>
    </div>
  )
}

/** The most recently made take drawn in the tree, or null when it is empty. */
function newestNode(nodes: readonly PlacedVersion[]): PlacedVersion | null {
  let newest: PlacedVersion | null = null
  for (const node of nodes) if (!newest || node.version.createdAt > newest.version.createdAt) newest = node
  return newest
}
