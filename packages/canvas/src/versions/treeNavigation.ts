import type { VersionTreeLayout } from './versionTreeLayout'

export type TreeDirection = 'up' | 'down' | 'left' | 'right'

/**
 * The take an arrow key moves to from `fromId` in the drawn tree: up to the parent, down to the
 * first child, left/right to the nearest take in the same row. Null when there is none.
 */
export function neighbourInTree(layout: VersionTreeLayout, fromId: string, direction: TreeDirection): string | null {
  const from = layout.nodes.find((n) => n.version.id === fromId)
  if (!from) return layout.nodes[0]?.version.id ?? null
  if (direction === 'up') return layout.edges.find((e) => e.to === from)?.from.version.id ?? null
  if (direction === 'down') {
    const below = layout.edges.filter((e) => e.from === from).map((e) => e.to)
    // The first child continues the parent's lane.
    return (below.find((n) => n.column === from.column) ?? below[0])?.version.id ?? null
  }
  const row = layout.nodes.filter((n) => n.row === from.row && (direction === 'left' ? n.column < from.column : n.column > from.column))
  row.sort((a, b) => Math.abs(a.column - from.column) - Math.abs(b.column - from.column))
  return row[0]?.version.id ?? null
}
