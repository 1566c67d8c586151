import { describe, expect, it } from 'vitest'
import { describeTreeProblem, VersionTree, VersionTreeCycleError, type VersionTreeNode } from './versionTree'

function node(id: string, parentId: string | null, extra: Partial<VersionTreeNode> = {}): VersionTreeNode {
  return { id, parentId, boardId: 'b1', shotId: 'shape:s1', deletedAt: null, ...extra }
}

// a ─┬─ b ── d
//    └─ c ─┬─ e
//          └─ f
const sample = [node('a', null), node('b', 'a'), node('c', 'a'), node('d', 'b'), node('e', 'c'), node('f', 'c')]

describe('VersionTree', () => {
  it('lists children in the given order and roots under null', () => {
    const tree = new VersionTree(sample)
    expect(tree.children(null).map((n) => n.id)).toEqual(['a'])
    expect(tree.children('a').map((n) => n.id)).toEqual(['b', 'c'])
    expect(tree.children('d')).toEqual([])
    expect(tree.descendants('c').map((n) => n.id)).toEqual(['e', 'f'])
    expect(tree.descendants('a').map((n) => n.id)).toEqual(['b', 'd', 'c', 'e', 'f'])
  })

  it('walks to the root and highlights the active path', () => {
    const tree = new VersionTree(sample)
    expect(tree.pathToRoot('f').map((n) => n.id)).toEqual(['f', 'c', 'a'])
    expect([...tree.activePath('e')].sort()).toEqual(['a', 'c', 'e'])
    expect(tree.activePath(null).size).toBe(0)
    // An active id the tree does not know (deleted elsewhere, not loaded yet) highlights nothing.
    expect(tree.activePath('zzz').size).toBe(0)
  })

  it('accepts a parent of the same shot and refuses missing, other-shot and other-board parents', () => {
    const tree = new VersionTree([...sample, node('x', null, { shotId: 'shape:s2' }), node('y', null, { boardId: 'b2' })])
    const child = { id: null, boardId: 'b1', shotId: 'shape:s1' }
    expect(tree.checkParent(child, 'c')).toBeNull()
    expect(tree.checkParent(child, null)).toBeNull()
    expect(tree.checkParent(child, 'nope')).toMatchObject({ kind: 'missing-parent' })
    expect(tree.checkParent(child, 'x')).toMatchObject({ kind: 'other-shot' })
    expect(tree.checkParent(child, 'y')).toMatchObject({ kind: 'other-board' })
  })

  it('refuses moving a version under itself or its own descendants', () => {
    const tree = new VersionTree(sample)
    const c = { id: 'c', boardId: 'b1', shotId: 'shape:s1' }
    expect(tree.checkParent(c, 'c')).toMatchObject({ kind: 'cycle' })
    expect(tree.checkParent(c, 'f')).toMatchObject({ kind: 'cycle' })
    expect(tree.checkParent(c, 'b')).toBeNull()
    expect(describeTreeProblem({ kind: 'cycle', versionId: 'c', parentId: 'f' })).toMatch(/descends/)
  })

  it('reports the inconsistencies of a broken stored tree', () => {
    const tree = new VersionTree([node('a', 'b'), node('b', 'a'), node('c', 'gone'), node('d', null, { shotId: 'shape:s2' }), node('e', 'd')])
    const kinds = tree.problems().map((p) => `${p.kind}:${p.versionId}`)
    expect(kinds).toEqual(expect.arrayContaining(['cycle:a', 'cycle:b', 'missing-parent:c', 'other-shot:e']))
    expect(() => tree.pathToRoot('a')).toThrow(VersionTreeCycleError)
    expect(new VersionTree(sample).problems()).toEqual([])
  })

  it('hides deleted versions without cutting their descendants off', () => {
    const tree = new VersionTree(sample.map((n) => (n.id === 'c' ? { ...n, deletedAt: '2026-01-01T00:00:00.000Z' } : n)))
    const shown = tree.project((n) => n.deletedAt === null)
    expect(shown.roots.map((n) => n.id)).toEqual(['a'])
    expect(shown.childrenOf.get('a')?.map((n) => n.id)).toEqual(['b', 'e', 'f'])
    expect(shown.shownParentOf.get('e')).toBe('a')
    expect(shown.shownParentOf.has('c')).toBe(false)
  })

  it('shows only starred versions, each under its nearest starred ancestor', () => {
    const starred = new Set(['d', 'c', 'f'])
    const shown = new VersionTree(sample).project((n) => starred.has(n.id))
    expect(shown.roots.map((n) => n.id)).toEqual(['c', 'd'])
    expect(shown.childrenOf.get('c')?.map((n) => n.id)).toEqual(['f'])
  })

  it('stays linear on a deep chain of 5000 versions', () => {
    const chain = Array.from({ length: 5000 }, (_, i) => node(`v${i}`, i === 0 ? null : `v${i - 1}`))
    const tree = new VersionTree(chain)
    expect(tree.pathToRoot('v4999')).toHaveLength(5000)
    const shown = tree.project((n) => Number(n.id.slice(1)) % 2 === 0)
    expect(shown.shownParentOf.get('v4998')).toBe('v4996')
  })
})
