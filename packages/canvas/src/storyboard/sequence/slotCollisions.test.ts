// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createShapeId, type Editor, type IndexKey, type TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { startNewScene } from '../scenes/sceneCommands'
import { shotsOfScene } from '@storyloom/shared/storyboard/sequence'
import { boardSequenceModel } from './boardSequenceModel'
import { insertShot, newShotAfterSelection } from './sequenceCommands'
import { registerSlotCollisionRepair, slotsAfterCollision } from './slotCollisions'
import type { ShotBox } from './reorderSlots'
import { NEW_SHOT_GAP, SCENE_ROW_GAP } from './shotPlacementOnCanvas'

const box = (id: string, x: number, y = 0, w = 320, h = 240): ShotBox => ({ id, x, y, w, h })

describe('slotsAfterCollision', () => {
  it('leaves a scene alone when no two shots share a slot', () => {
    expect(slotsAfterCollision([box('b', 500), box('a', 0), box('c', 1000)])).toBeNull()
  })

  const pitch = 320 + NEW_SHOT_GAP

  it('lays a row with two shots on one slot out again from its start, in sequence order', () => {
    // Sequence b, a, c; a and c both ended on the last slot, the middle one empty.
    const moves = slotsAfterCollision([box('b', 0), box('a', 2 * pitch), box('c', 2 * pitch)])
    expect(Object.fromEntries(moves!)).toEqual({ a: { x: pitch, y: 0 } })
  })

  it('keeps each row’s start and number of slots; the last row takes the shots left over', () => {
    const moves = slotsAfterCollision([box('a', 0), box('b', pitch), box('c', pitch), box('d', 0, 400)])
    expect(Object.fromEntries(moves!)).toEqual({ c: { x: 0, y: 400 }, d: { x: pitch, y: 400 } })
  })
})

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

describe('registerSlotCollisionRepair', () => {
  /** A scene of three shots in a row, as made with "+ Scene" and new shot after new shot. */
  function board() {
    const editor = headlessBoardEditor()
    editors.push(editor)
    startNewScene(editor)
    const ids = [newShotAfterSelection(editor), newShotAfterSelection(editor), newShotAfterSelection(editor)]
    startNewScene(editor)
    const other = newShotAfterSelection(editor)
    registerSlotCollisionRepair(editor)
    const shot = (id: TLShapeId) => editor.getShape<TLShotShape>(id)!
    return { editor, ids, shot, other }
  }

  /** A collaborator's change landing, as the Y.Doc binding applies it. */
  function remote(editor: Editor, shots: TLShotShape[]) {
    editor.store.mergeRemoteChanges(() => editor.store.put(shots))
  }

  const positions = (editor: Editor, ids: TLShapeId[]) => ids.map((id) => editor.getShape(id)!.x)

  it('after a collaborator reorder leaves two shots on one slot, lays the scene out once, outside the local undo', async () => {
    const { editor, ids, shot, other } = board()
    const [a, b, c] = ids.map(shot) as [TLShotShape, TLShotShape, TLShotShape]
    const slots = [a.x, b.x, c.x]
    // The local user's last step, before the collaborators' change lands.
    editor.markHistoryStoppingPoint('rename')
    editor.updateShape<TLShotShape>({ id: other, type: 'shot', props: { title: 'Rooftop' } })
    // Two reorders merged: one person moved a after c (b, c and a each a slot along), the other
    // swapped b and c (c to the last slot); b and c's places came from the first, c's from the second.
    remote(editor, [
      { ...a, x: c.x, props: { ...a.props, order: `${c.props.order}V` as IndexKey } },
      { ...b, x: a.x },
    ])
    expect(positions(editor, [b.id, c.id, a.id])).toEqual([slots[0], slots[2], slots[2]])

    await vi.waitFor(() => expect(positions(editor, [b.id, c.id, a.id])).toEqual(slots))
    // Not the local user's change: their undo takes back their rename, not the repair.
    editor.undo()
    expect(shot(other).props.title).toBe('')
    expect(positions(editor, [b.id, c.id, a.id])).toEqual(slots)
  })

  it('after a collaborator inserts a shot at the place I just inserted one, lays the scene out so the two do not share a slot', async () => {
    const { editor, ids, shot } = board()
    const [a, b, c] = ids.map(shot) as [TLShotShape, TLShotShape, TLShotShape]
    const pitch = b.x - a.x
    // Both pressed Shift+S on a at the same moment: each slid b and c along one slot and put
    // their new shot in the slot that opened, and both slides wrote the same positions.
    const mine = insertShot(editor, { after: a.id })
    // The same order key as mine (worked out from the same neighbours): the ids break the tie.
    const theirs = { ...shot(mine), id: createShapeId() }
    editor.store.mergeRemoteChanges(() => editor.store.put([theirs]))
    const inOrder = shotsOfScene(boardSequenceModel(editor).get().sequence, a.props.sceneId).map((s) => s.id as TLShapeId)
    expect(inOrder).toEqual([a.id, ...[theirs.id, mine].sort(), b.id, c.id])
    expect(positions(editor, [theirs.id, mine])).toEqual([a.x + pitch, a.x + pitch])

    await vi.waitFor(() => expect(positions(editor, inOrder)).toEqual([0, 1, 2, 3, 4].map((i) => a.x + i * pitch)))
    // The repair is not mine to undo: my undo takes back my insert only.
    editor.undo()
    expect(editor.getShape(mine)).toBeUndefined()
  })

  it('after a collaborator’s undo takes their shot back and slides the row back over mine, lays the scene out again', async () => {
    const { editor, ids, shot } = board()
    const [a, b, c] = ids.map(shot) as [TLShotShape, TLShotShape, TLShotShape]
    const pitch = b.x - a.x
    const mine = insertShot(editor, { after: a.id })
    const theirs: TLShotShape = { ...shot(mine), id: createShapeId(), props: { ...shot(mine).props, order: `${a.props.order}V` as IndexKey } }
    // Their shot right after a, the row laid out with both new shots in it.
    const at = (shape: TLShotShape, i: number) => ({ ...shape, x: a.x + i * pitch })
    editor.store.mergeRemoteChanges(() => editor.store.put([at(theirs, 1), at(shot(mine), 2), at(shot(b.id), 3), at(shot(c.id), 4)]))
    // Their undo: their shot goes, and b and c back where they were before their insert.
    editor.store.mergeRemoteChanges(() => {
      editor.store.remove([theirs.id])
      editor.store.put([{ ...shot(b.id), x: a.x + pitch }, { ...shot(c.id), x: a.x + 2 * pitch }])
    })
    expect(positions(editor, [mine, b.id])).toEqual([a.x + 2 * pitch, a.x + pitch])

    await vi.waitFor(() => expect(positions(editor, [a.id, mine, b.id, c.id])).toEqual([0, 1, 2, 3].map((i) => a.x + i * pitch)))
  })

  it('after a collaborator’s new scene lands on the row of the one I added at the same time, moves the later scene below', async () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    startNewScene(editor)
    const one = newShotAfterSelection(editor)
    // Ben's scene, made as he does while offline: its row starts right below scene 1 too.
    const alley = startNewScene(editor)
    const theirs = [newShotAfterSelection(editor), newShotAfterSelection(editor)].map((id) => editor.getShape<TLShotShape>(id)!)
    const alleyScene = editor.store.get(alley)!
    editor.run(() => editor.deleteShapes(theirs.map((s) => s.id)), { history: 'ignore' })
    editor.run(() => editor.store.remove([alley]), { history: 'ignore' })
    // Ada's scene, the one she added meanwhile, in the row Ben's took.
    startNewScene(editor)
    const mine = [newShotAfterSelection(editor), newShotAfterSelection(editor)].map((id) => editor.getShape<TLShotShape>(id)!)
    expect(theirs.map((s) => [s.x, s.y])).toEqual(mine.map((s) => [s.x, s.y]))
    registerSlotCollisionRepair(editor)
    // Ben reconnects: his scene's order key sorts it after Ada's (a later key than hers).
    const roofOrder = editor.store.get(mine[0]!.props.sceneId as typeof alley)!.order
    editor.store.mergeRemoteChanges(() => editor.store.put([{ ...alleyScene, order: `${roofOrder}V` as IndexKey }, ...theirs]))

    const below = editor.getShape<TLShotShape>(one)!.y + 2 * (mine[0]!.props.h + SCENE_ROW_GAP)
    await vi.waitFor(() => expect(theirs.map((s) => editor.getShape(s.id)!.y)).toEqual([below, below]))
    expect(theirs.map((s) => editor.getShape(s.id)!.x)).toEqual(mine.map((s) => s.x))
    expect(mine.map((s) => editor.getShape(s.id)!.y)).toEqual(mine.map((s) => s.y))
  })

  it('leaves a collaborator dragging one shot onto another alone (no reorder)', async () => {
    const { editor, ids, shot } = board()
    const [a, , c] = ids.map(shot) as [TLShotShape, TLShotShape, TLShotShape]
    remote(editor, [{ ...a, x: c.x }])
    // A later reorder elsewhere on the board is what would trigger a repair; none comes.
    await new Promise((resolve) => editor.timers.setTimeout(resolve, 20))
    expect(editor.getShape(a.id)!.x).toBe(c.x)
  })

  it('leaves the local user’s own moves alone: only a collaborator’s change is repaired', async () => {
    const { editor, ids, shot } = board()
    const [a, , c] = ids.map(shot) as [TLShotShape, TLShotShape, TLShotShape]
    editor.updateShape<TLShotShape>({ id: a.id, type: 'shot', x: c.x, props: { order: `${c.props.order}V` as IndexKey } })
    await new Promise((resolve) => editor.timers.setTimeout(resolve, 20))
    expect(editor.getShape(a.id)!.x).toBe(c.x)
  })
})
