import { describe, expect, it } from 'vitest'
import { fitVersionTree, layoutVersionTree, MIN_NODE_WIDTH, NODE_HEIGHT, NODE_WIDTH, visiblePart } from './versionTreeLayout'
import { diffVersionParams } from './versionParamsDiff'
import { shotVersion } from './testing/shotVersionFixture'
import { neighbourInTree } from './treeNavigation'

const version = shotVersion

const all = { showDeleted: false, onlyStarred: false }

describe('layoutVersionTree', () => {
  // r ─┬─ a ── a1
  //    └─ b
  const versions = [version('r', null), version('a', 'r'), version('b', 'r'), version('a1', 'a')]

  it('puts children a row below, the first child in its parent’s lane and branches in new lanes', () => {
    const layout = layoutVersionTree(versions, 'a1', all)
    const at = Object.fromEntries(layout.nodes.map((n) => [n.version.id, [n.column, n.row]]))
    expect(at).toEqual({ r: [0, 0], a: [0, 1], a1: [0, 2], b: [1, 1] })
    expect(layout.edges.map((e) => `${e.from.version.id}>${e.to.version.id}:${e.onActivePath}`).sort()).toEqual([
      'a>a1:true',
      'r>a:true',
      'r>b:false',
    ])
    expect(layout.nodes.filter((n) => n.onActivePath).map((n) => n.version.id).sort()).toEqual(['a', 'a1', 'r'])
  })

  it('hides deleted and unstarred versions, keeping their children under the nearest shown one', () => {
    const withDeleted = versions.map((v) => (v.id === 'a' ? { ...v, deletedAt: '2026-01-02T00:00:00.000Z' } : v))
    const layout = layoutVersionTree(withDeleted, null, all)
    expect(layout.edges.map((e) => `${e.from.version.id}>${e.to.version.id}`).sort()).toEqual(['r>a1', 'r>b'])
    const starred = layoutVersionTree(versions.map((v) => ({ ...v, starred: v.id !== 'a' })), null, { showDeleted: false, onlyStarred: true })
    expect(starred.nodes.map((n) => n.version.id).sort()).toEqual(['a1', 'b', 'r'])
  })

  it('draws only what is on screen of a 500-version tree', () => {
    const many = [version('v0', null), ...Array.from({ length: 499 }, (_, i) => version(`v${i + 1}`, i % 3 === 0 ? 'v0' : `v${i}`))]
    const layout = layoutVersionTree(many, 'v499', all)
    expect(layout.nodes).toHaveLength(500)
    const part = visiblePart(layout, { left: 0, top: 0, width: 360, height: 3 * NODE_HEIGHT })
    expect(part.nodes.length).toBeGreaterThan(0)
    expect(part.nodes.length).toBeLessThan(60)
  })
})

describe('fitVersionTree', () => {
  const siblings = (n: number) => Array.from({ length: n }, (_, i) => version(`s${i}`, null))
  it('draws a row of siblings smaller so it fits the width, keeping lines joined to the nodes', () => {
    const fitted = fitVersionTree(layoutVersionTree([...siblings(4), version('c', 's3')], null, all), 344)
    expect(fitted.width).toBeLessThanOrEqual(344)
    expect(fitted.nodeWidth).toBeLessThan(NODE_WIDTH)
    const right = fitted.nodes.map((n) => n.x + fitted.nodeWidth)
    expect(Math.max(...right)).toBeLessThanOrEqual(344)
    const edge = fitted.edges[0]!
    expect(fitted.nodes).toContain(edge.from)
    expect(fitted.nodes).toContain(edge.to)
    expect(edge.to.y).toBe(fitted.nodeHeight + 22)
  })
  it('keeps the full size when there is room, and the smallest size (scrolling) when there is not', () => {
    const narrow = layoutVersionTree(siblings(3), null, all)
    expect(fitVersionTree(narrow, 344)).toBe(narrow)
    const wide = fitVersionTree(layoutVersionTree(siblings(12), null, all), 344)
    expect(wide.nodeWidth).toBe(MIN_NODE_WIDTH)
    expect(wide.width).toBeGreaterThan(344)
  })
})

describe('diffVersionParams', () => {
  it('marks what changed between two takes', () => {
    const params = { prompt: 'a pier at dawn', negativePrompt: '', seed: 1, steps: 4, guidance: 1, width: 512, height: 288, variations: 1, references: [], motion: [] }
    const a = version('a', null, { source: 'generation', params, modelId: 'tiny', builtInModel: true })
    const b = version('b', null, { source: 'generation', params: { ...params, seed: 2 }, modelId: 'tiny', builtInModel: true })
    const rows = diffVersionParams(a, b)
    expect(rows.filter((r) => r.differs).map((r) => r.label)).toEqual(['Seed'])
    expect(rows.find((r) => r.label === 'Model')?.a).toBe('tiny (built-in)')
    const upload = version('c', null)
    expect(diffVersionParams(a, upload).find((r) => r.label === 'Made by')).toMatchObject({ a: 'Generated', b: 'Uploaded', differs: true })
  })

  it("lists each take's label, star and approval first, what a director compares on", () => {
    const a = version('a', null, { label: 'Client pick', starred: true, approval: 'approved' })
    const b = version('b', null, { approval: 'in-review' })
    const rows = diffVersionParams(a, b)
    expect(rows.slice(0, 3)).toEqual([
      { label: 'Label', a: 'Client pick', b: '—', differs: true, typed: true },
      { label: 'Star', a: '★ Starred', b: 'Not starred', differs: true },
      { label: 'Approval', a: 'Approved', b: 'In review', differs: true },
    ])
    expect(diffVersionParams(b, b).filter((r) => r.differs)).toEqual([])
  })
})

describe('neighbourInTree', () => {
  it('moves up to the parent, down the lane, and across a row', () => {
    const layout = layoutVersionTree([version('r', null), version('a', 'r'), version('b', 'r'), version('a1', 'a')], null, all)
    expect(neighbourInTree(layout, 'a1', 'up')).toBe('a')
    expect(neighbourInTree(layout, 'r', 'down')).toBe('a')
    expect(neighbourInTree(layout, 'a', 'right')).toBe('b')
    expect(neighbourInTree(layout, 'b', 'left')).toBe('a')
    expect(neighbourInTree(layout, 'r', 'up')).toBeNull()
    expect(neighbourInTree(layout, 'b', 'down')).toBeNull()
  })
})
