/**
 * Pure operations on a shot's version tree. The server uses them to refuse edits that would
 * break the tree; the canvas uses them to draw it. Nodes are indexed once, so every query is
 * O(depth) or O(children) and a tree of thousands of versions stays cheap.
 */

/** The fields of a version the tree cares about. */
export interface VersionTreeNode {
  id: string
  parentId: string | null
  boardId: string
  shotId: string
  deletedAt: string | null
}

/** Why a parent link is refused (or why a stored tree is inconsistent). */
export type VersionTreeProblem =
  | { kind: 'missing-parent'; versionId: string | null; parentId: string }
  | { kind: 'other-board'; versionId: string | null; parentId: string }
  | { kind: 'other-shot'; versionId: string | null; parentId: string }
  | { kind: 'cycle'; versionId: string; parentId: string }

/** A problem as a sentence a person can read. */
export function describeTreeProblem(problem: VersionTreeProblem): string {
  const subject = problem.versionId ? `version ${problem.versionId}` : 'the new version'
  switch (problem.kind) {
    case 'missing-parent':
      return `parent version ${problem.parentId} does not exist`
    case 'other-board':
      return `parent version ${problem.parentId} belongs to another board`
    case 'other-shot':
      return `parent version ${problem.parentId} belongs to another shot`
    case 'cycle':
      return `${subject} cannot go under ${problem.parentId}: that version descends from it`
  }
}

/** Thrown when walking a stored tree finds a loop (never possible through the store's checks). */
export class VersionTreeCycleError extends Error {
  override readonly name = 'VersionTreeCycleError'
  constructor(readonly versionId: string) {
    super(`the version tree has a cycle through ${versionId}`)
  }
}

/** What a drawn tree shows: the kept nodes, each under its nearest kept ancestor. */
export interface ProjectedTree<Node extends VersionTreeNode> {
  roots: Node[]
  /** Kept children of a kept node, in the order the nodes were given. */
  childrenOf: ReadonlyMap<string, Node[]>
  /** The kept parent each kept node is drawn under (null for roots). */
  shownParentOf: ReadonlyMap<string, string | null>
}

/** An indexed version tree of one shot (or any set of versions). */
export class VersionTree<Node extends VersionTreeNode> {
  private readonly byId = new Map<string, Node>()
  private readonly childIds = new Map<string | null, Node[]>()

  /** `nodes` in display order (oldest first is what the store returns). */
  constructor(readonly nodes: readonly Node[]) {
    for (const node of nodes) this.byId.set(node.id, node)
    for (const node of nodes) {
      // A node whose parent is unknown is drawn as a root rather than dropped.
      const key = node.parentId !== null && this.byId.has(node.parentId) ? node.parentId : null
      const siblings = this.childIds.get(key)
      if (siblings) siblings.push(node)
      else this.childIds.set(key, [node])
    }
  }

  get(id: string): Node | undefined {
    return this.byId.get(id)
  }

  /** Direct children of `id` (deleted ones included); `null` gives the roots. */
  children(id: string | null): Node[] {
    return this.childIds.get(id) ?? []
  }

  /** `id`, its parent, …, up to its root. Throws {@link VersionTreeCycleError} on a loop. */
  pathToRoot(id: string): Node[] {
    const path: Node[] = []
    const seen = new Set<string>()
    let node = this.byId.get(id)
    while (node) {
      if (seen.has(node.id)) throw new VersionTreeCycleError(node.id)
      seen.add(node.id)
      path.push(node)
      node = node.parentId === null ? undefined : this.byId.get(node.parentId)
    }
    return path
  }

  /** The ids from the root down to the active version: the path the panel highlights. */
  activePath(activeId: string | null): Set<string> {
    if (activeId === null) return new Set()
    return new Set(this.pathToRoot(activeId).map((node) => node.id))
  }

  /** Whether `ancestorId` is `id` itself or above it. */
  isAncestorOrSelf(ancestorId: string, id: string): boolean {
    return this.pathToRoot(id).some((node) => node.id === ancestorId)
  }

  /** Every version below `id` (not `id` itself), depth first. */
  descendants(id: string): Node[] {
    const out: Node[] = []
    const stack = [...this.children(id)].reverse()
    while (stack.length > 0) {
      const node = stack.pop()
      if (!node) break
      out.push(node)
      stack.push(...[...this.children(node.id)].reverse())
    }
    return out
  }

  /**
   * Why `parentId` cannot be the parent of `child` (a new version when `child.id` is null, or
   * an existing one being moved), or null when it can.
   */
  checkParent(
    child: { id: string | null; boardId: string; shotId: string },
    parentId: string | null,
  ): VersionTreeProblem | null {
    if (parentId === null) return null
    const parent = this.byId.get(parentId)
    const versionId = child.id
    if (!parent) return { kind: 'missing-parent', versionId, parentId }
    if (parent.boardId !== child.boardId) return { kind: 'other-board', versionId, parentId }
    if (parent.shotId !== child.shotId) return { kind: 'other-shot', versionId, parentId }
    if (versionId !== null && this.isAncestorOrSelf(versionId, parentId)) return { kind: 'cycle', versionId, parentId }
    return null
  }

  /** Every inconsistency in the stored tree; empty when it is sound. */
  problems(): VersionTreeProblem[] {
    const problems: VersionTreeProblem[] = []
    for (const node of this.nodes) {
      if (node.parentId === null) continue
      const parent = this.byId.get(node.parentId)
      const link = { versionId: node.id, parentId: node.parentId }
      if (!parent) problems.push({ kind: 'missing-parent', ...link })
      else if (parent.boardId !== node.boardId) problems.push({ kind: 'other-board', ...link })
      else if (parent.shotId !== node.shotId) problems.push({ kind: 'other-shot', ...link })
    }
    for (const node of this.nodes) {
      try {
        this.pathToRoot(node.id)
      } catch (error) {
        if (!(error instanceof VersionTreeCycleError)) throw error
        problems.push({ kind: 'cycle', versionId: node.id, parentId: node.parentId ?? node.id })
      }
    }
    return problems
  }

  /**
   * The tree as drawn when only some versions are shown (deleted ones hidden, or only starred):
   * each kept version hangs under its nearest kept ancestor, so hiding a version never cuts
   * its descendants off.
   */
  project(keep: (node: Node) => boolean): ProjectedTree<Node> {
    const shownParentOf = new Map<string, string | null>()
    const nearestKept = new Map<string, string | null>()
    const keptAncestor = (id: string | null): string | null => {
      const chain: string[] = []
      let current = id
      let found: string | null = null
      while (current !== null) {
        const cached = nearestKept.get(current)
        if (cached !== undefined) {
          found = cached
          break
        }
        const node = this.byId.get(current)
        if (!node || chain.includes(current)) break
        if (keep(node)) {
          found = current
          break
        }
        chain.push(current)
        current = node.parentId
      }
      for (const id of chain) nearestKept.set(id, found)
      return found
    }
    const roots: Node[] = []
    const childrenOf = new Map<string, Node[]>()
    for (const node of this.nodes) {
      if (!keep(node)) continue
      nearestKept.set(node.id, node.id)
    }
    for (const node of this.nodes) {
      if (!keep(node)) continue
      const parent = node.parentId === null || node.parentId === node.id ? null : keptAncestor(node.parentId)
      shownParentOf.set(node.id, parent)
      if (parent === null) roots.push(node)
      else {
        const siblings = childrenOf.get(parent)
        if (siblings) siblings.push(node)
        else childrenOf.set(parent, [node])
      }
    }
    return { roots, childrenOf, shownParentOf }
  }
}
