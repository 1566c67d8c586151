import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { VersionTree } from '@storyloom/shared/versions/versionTree'

/** Size of one node's cell in the drawn tree, in CSS pixels, when there is room. */
export const NODE_WIDTH = 84
export const NODE_HEIGHT = 62
/** The narrowest a node is drawn to fit a row of siblings in the panel (five fit at 380 px). */
export const MIN_NODE_WIDTH = 56
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
  /** Size of each node (all the same), in CSS pixels. */
  nodeWidth: number
  nodeHeight: number
  /** Branch lanes (columns) the tree uses. */
  columns: number
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
    nodeWidth: NODE_WIDTH,
    nodeHeight: NODE_HEIGHT,
    columns: Math.max(1, nextColumn),
  }
}

/**
 * The layout drawn smaller, down to {@link MIN_NODE_WIDTH}, so its lanes fit `available` pixels
 * across: a row of four or five sibling takes shows whole in the panel instead of the last ones
 * sitting past its edge. Wider trees keep the smallest size and scroll.
 */
export function fitVersionTree(layout: VersionTreeLayout, available: number): VersionTreeLayout {
  const { columns } = layout
  const fitting = Math.floor((available - COLUMN_GAP * (columns - 1)) / columns)
  const nodeWidth = Math.max(MIN_NODE_WIDTH, Math.min(NODE_WIDTH, fitting))
  if (nodeWidth === layout.nodeWidth) return layout
  const nodeHeight = Math.round((nodeWidth * NODE_HEIGHT) / NODE_WIDTH)
  const moved = new Map<PlacedVersion, PlacedVersion>()
  const nodes = layout.nodes.map((node) => {
    const placed = { ...node, x: node.column * (nodeWidth + COLUMN_GAP), y: node.row * (nodeHeight + ROW_GAP) }
    moved.set(node, placed)
    return placed
  })
  const rows = layout.nodes.reduce((most, n) => Math.max(most, n.row + 1), 0)
  return {
    nodes,
    edges: layout.edges.map((edge) => ({ ...edge, from: moved.get(edge.from)!, to: moved.get(edge.to)! })),
    width: columns * (nodeWidth + COLUMN_GAP) - COLUMN_GAP,
    height: rows === 0 ? 0 : rows * (nodeHeight + ROW_GAP) - ROW_GAP,
    nodeWidth,
    nodeHeight,
    columns,
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
    nodes: layout.nodes.filter((n) => inView(n.x, n.y, n.x + layout.nodeWidth, n.y + layout.nodeHeight)),
    edges: layout.edges.filter((e) =>
      inView(Math.min(e.from.x, e.to.x), e.from.y, Math.max(e.from.x, e.to.x) + layout.nodeWidth, e.to.y + layout.nodeHeight),
    ),
  }
}
