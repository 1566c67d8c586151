import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { VersionTree } from '@storyloom/shared/versions/versionTree'

/** Size of one node's cell in the drawn tree, in CSS pixels. */
export const NODE_WIDTH = 84
export const NODE_HEIGHT = 62
export const COLUMN_GAP = 12
export const ROW_GAP = 22

/** A version placed in the drawn tree. */
export interface PlacedVersion {
  version: ShotVersion
  /** Column (branch lane) and row (depth) in cells. */
  column: number
  row: number
  x: number
  y: number
  onActivePath: boolean
}

/** A line from a parent to a child in the drawn tree. */
export interface TreeEdge {
  from: PlacedVersion
  to: PlacedVersion
  onActivePath: boolean
}

export interface VersionTreeLayout {
  nodes: PlacedVersion[]
  edges: TreeEdge[]
  width: number
  height: number
}

/** Which versions the drawn tree shows. */
export interface LayoutFilter {
  showDeleted: boolean
  onlyStarred: boolean
}

/**
 * Places a shot's versions as a graph read top to bottom: a root at the top, children a row
 * below their parent, each branch in its own lane (a parent sits in its first child's lane, as
 * in a git graph). Hidden versions (deleted, or not starred when only starred are shown) are
 * skipped and their children hang under the nearest shown ancestor. Linear in the versions.
 */
export function layoutVersionTree(versions: readonly ShotVersion[], activeId: string | null, filter: LayoutFilter): VersionTreeLayout {
  const tree = new VersionTree(versions)
  let activePath: Set<string>
  try {
    activePath = tree.activePath(activeId)
  } catch {
    activePath = new Set()
  }
  const keep = (v: ShotVersion) => (filter.showDeleted || v.deletedAt === null) && (!filter.onlyStarred || v.starred)
  const shown = tree.project(keep)

  const placed = new Map<string, PlacedVersion>()
  const nodes: PlacedVersion[] = []
  let nextColumn = 0
  let maxRow = 0
  // Iterative depth-first walk: a chain of thousands of versions must not overflow the stack.
  const stack: { version: ShotVersion; row: number }[] = [...shown.roots].reverse().map((version) => ({ version, row: 0 }))
  const firstChildDone = new Set<string>()
  while (stack.length > 0) {
    const { version, row } = stack.pop()!
    const parentId = shown.shownParentOf.get(version.id) ?? null
    // The first child continues its parent's lane; later children open new lanes.
    let column: number
    if (parentId !== null && !firstChildDone.has(parentId)) {
      firstChildDone.add(parentId)
      column = placed.get(parentId)!.column
    } else {
      column = nextColumn++
    }
    const node: PlacedVersion = {
      version,
      column,
      row,
      x: column * (NODE_WIDTH + COLUMN_GAP),
      y: row * (NODE_HEIGHT + ROW_GAP),
      onActivePath: activePath.has(version.id),
    }
    placed.set(version.id, node)
    nodes.push(node)
    maxRow = Math.max(maxRow, row)
    const children = shown.childrenOf.get(version.id) ?? []
    for (let i = children.length - 1; i >= 0; i--) stack.push({ version: children[i]!, row: row + 1 })
  }

  const edges: TreeEdge[] = []
  for (const node of nodes) {
    const parentId = shown.shownParentOf.get(node.version.id)
    const parent = parentId ? placed.get(parentId) : undefined
    if (parent) edges.push({ from: parent, to: node, onActivePath: parent.onActivePath && node.onActivePath })
  }
  return {
    nodes,
    edges,
    width: Math.max(1, nextColumn) * (NODE_WIDTH + COLUMN_GAP) - COLUMN_GAP,
    height: nodes.length === 0 ? 0 : (maxRow + 1) * (NODE_HEIGHT + ROW_GAP) - ROW_GAP,
  }
}

/** A rectangle of the drawn tree that is on screen (scroll offset and size). */
export interface Viewport {
  left: number
  top: number
  width: number
  height: number
}

/** The nodes and edges that touch the viewport (plus a margin): what the panel renders. */
export function visiblePart(layout: VersionTreeLayout, view: Viewport, margin = 120): { nodes: PlacedVersion[]; edges: TreeEdge[] } {
  const left = view.left - margin
  const right = view.left + view.width + margin
  const top = view.top - margin
  const bottom = view.top + view.height + margin
  const inView = (x1: number, y1: number, x2: number, y2: number) => x2 >= left && x1 <= right && y2 >= top && y1 <= bottom
  return {
    nodes: layout.nodes.filter((n) => inView(n.x, n.y, n.x + NODE_WIDTH, n.y + NODE_HEIGHT)),
    edges: layout.edges.filter((e) =>
      inView(Math.min(e.from.x, e.to.x), e.from.y, Math.max(e.from.x, e.to.x) + NODE_WIDTH, e.to.y + NODE_HEIGHT),
    ),
  }
}
