// @vitest-environment jsdom
import { File as NodeFile } from 'node:buffer'
import { afterEach, describe, expect, it } from 'vitest'
import { Box, createShapeId, type Editor } from 'tldraw'
import type { IndexKey, TLShapeId } from 'tldraw'
import { exportShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import type { ShotPlan } from '@storyloom/shared/storyboard/shotPlan'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { applyShotPlan, readShotPlanFile, showImportedShots } from './applyShotPlan'
import { IMPORT_GAP } from './importPlacement'
import { setBoardMembers } from '../../board/boardMembers'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

function newEditor(): Editor {
  const editor = headlessBoardEditor()
  editors.push(editor)
  return editor
}

/** A board with shots at these x positions (y = 0), and its plan. */
function boardWithShots(...xs: number[]): { editor: Editor; ids: TLShapeId[]; plan: ShotPlan } {
  const editor = newEditor()
  const ids = xs.map((x, i) => {
    const id = createShapeId()
    editor.createShape({ id, type: 'shot', x, y: 0, props: { order: `a${i + 1}` as IndexKey } })
    return id
  })
  return { editor, ids, plan: exportShotPlan(editor.store.allRecords()) }
}

/** The plan's shots as new shots (fresh ids), as if exported from another board. */
function asOtherBoard(plan: ShotPlan): ShotPlan {
  return { ...plan, shots: plan.shots.map((shot) => ({ ...shot, id: createShapeId() })) }
}

const position = (editor: Editor, id: TLShapeId) => {
  const shape = editor.getShape(id)!
  return { x: shape.x, y: shape.y }
}

describe('importing a shot plan', () => {
  it('puts new shots at their plan positions on an empty board', () => {
    const { plan } = boardWithShots(0, 400)
    const editor = newEditor()
    const { shotIds } = applyShotPlan(editor, plan)
    expect(shotIds.map((id) => position(editor, id))).toEqual([
      { x: 0, y: 0 },
      { x: 400, y: 0 },
    ])
  })

  it('moves new shots that would cover existing ones below the board, keeping their layout', () => {
    const { editor, ids } = boardWithShots(0, 400, 800)
    const { plan } = boardWithShots(200, 600)
    const existing = ids.map((id) => editor.getShapePageBounds(id)!)
    const { shotIds, created } = applyShotPlan(editor, asOtherBoard(plan))
    expect(created).toBe(2)
    const [first, second] = shotIds.map((id) => editor.getShapePageBounds(id)!)
    expect(first!.x).toBe(0)
    expect(first!.y).toBe(Math.max(...existing.map((b) => b.maxY)) + IMPORT_GAP)
    expect(second!.x - first!.x).toBe(400)
    expect(second!.y).toBe(first!.y)
    for (const box of [first!, second!]) expect(existing.some((b) => b.collides(box))).toBe(false)
  })

  it('leaves new shots where the plan puts them when that space is free', () => {
    const { editor } = boardWithShots(0)
    const { plan } = boardWithShots(0)
    const away = { ...plan, shots: plan.shots.map((shot) => ({ ...shot, x: 2000, y: 2000 })) }
    const { shotIds } = applyShotPlan(editor, asOtherBoard(away))
    expect(position(editor, shotIds[0]!)).toEqual({ x: 2000, y: 2000 })
  })

  it('updates shots already on the board in place', () => {
    const { editor, ids, plan } = boardWithShots(0, 400)
    const moved = { ...plan, shots: plan.shots.map((shot) => ({ ...shot, title: 'Renamed' })) }
    const { updated } = applyShotPlan(editor, moved)
    expect(updated).toBe(2)
    expect(ids.map((id) => position(editor, id))).toEqual([
      { x: 0, y: 0 },
      { x: 400, y: 0 },
    ])
  })

  it('keeps a shot assigned only to someone who is a member of this board', () => {
    const { plan } = boardWithShots(0, 400)
    const assigned = asOtherBoard({ ...plan, shots: plan.shots.map((shot, i) => ({ ...shot, assigneeId: i === 0 ? 'ben_member_0001' : 'zoe_elsewhere01' })) })
    const editor = newEditor()
    setBoardMembers(editor, [{ userId: 'ben_member_0001', name: 'Ben', email: 'ben@example.com', role: 'editor' }])
    const { shotIds } = applyShotPlan(editor, assigned)
    expect(shotIds.map((id) => (editor.getShape(id)!.props as { assigneeId: string | null }).assigneeId)).toEqual(['ben_member_0001', null])
  })

  it('frames the imported shots without zooming in past 100%', () => {
    const { editor } = boardWithShots(0, 400)
    const { plan } = boardWithShots(0, 400)
    const { shotIds } = applyShotPlan(editor, asOtherBoard(plan))
    editor.updateViewportScreenBounds(new Box(0, 0, 1200, 800))
    showImportedShots(editor, shotIds)
    editor.emit('tick', 1000)
    expect(editor.getSelectedShapeIds()).toEqual(shotIds)
    expect(editor.getZoomLevel()).toBeLessThanOrEqual(1)
    const viewport = editor.getViewportPageBounds()
    for (const id of shotIds) expect(viewport.contains(editor.getShapePageBounds(id)!)).toBe(true)
  })
})

describe('readShotPlanFile', () => {
  it('reads a plan saved as UTF-16 with its byte order mark ("Unicode" in Windows Notepad) as written', async () => {
    const { plan } = boardWithShots(0, 400)
    const text = JSON.stringify(plan)
    const units = [...text].map((ch) => ch.charCodeAt(0))
    const bytes = new Uint8Array([0xff, 0xfe, ...units.flatMap((u) => [u & 0xff, u >> 8])])
    // Node's File: jsdom's has no arrayBuffer().
    const result = await readShotPlanFile(new NodeFile([bytes], 'plan.json', { type: 'application/json' }) as unknown as File)
    expect(result).toEqual({ ok: true, plan })
  })
})
