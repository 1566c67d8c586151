// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { REFERENCE_BINDING_TYPE } from '@storyloom/shared/storyboard/referenceBinding'
import type { Editor, TLPointerEventInfo, TLShapeId } from 'tldraw'
import { NEW_SHOT_GAP } from '../sequence/shotPlacementOnCanvas'
import { at, board, dressShot, rowOrder, sceneOfShots, shot, stripOrder } from '../sequence/testing/sceneRows'
import { registerShotCopies } from './shotCopies'

/** A board as the app opens it, copies of shots made duplicates. */
function boardWithCopies(): Editor {
  const editor = board()
  const off = registerShotCopies(editor)
  // Disposed with the board (sceneRows disposes every board after each test).
  editor.disposables.add(off)
  return editor
}

/** Duplicate as tldraw's Ctrl+D runs it: a stopping point, then `duplicateShapes` from the select tool's idle state. */
async function duplicate(editor: Editor, ids: TLShapeId[]): Promise<TLShapeId[]> {
  const before = new Set(editor.getCurrentPageShapeIds())
  editor.markHistoryStoppingPoint('duplicate shapes')
  editor.duplicateShapes(ids, { x: 16, y: 16 })
  await settled()
  return [...editor.getCurrentPageShapeIds()].filter((id) => !before.has(id) && editor.getShape(id)!.type === 'shot')
}

/** Lets the copies be placed (after the operation that made them, see `registerShotCopies`). */
const settled = () => new Promise<void>((resolve) => queueMicrotask(resolve))

function pointer(editor: Editor, name: TLPointerEventInfo['name'], point: { x: number; y: number }, altKey: boolean) {
  editor.dispatch({ type: 'pointer', name, target: 'canvas', point: { ...point, z: 0.5 }, pointerId: 1, button: 0, isPen: false, shiftKey: false, altKey, ctrlKey: false, metaKey: false, accelKey: false })
  editor.emit('tick', 16)
}

describe('a duplicated shot takes the slot after its original on the canvas', () => {
  it('Ctrl+D on the middle shot of a row: the copy takes the next slot, the shots after slide one slot right; one undo puts all back', async () => {
    const editor = boardWithCopies()
    const [a, b, c] = sceneOfShots(editor, 3)
    const before = [a!, b!, c!].map((id) => at(editor, id))
    const [copy] = await duplicate(editor, [b!])

    expect(rowOrder(editor, a!)).toEqual([a, b, copy, c])
    expect(rowOrder(editor, a!)).toEqual(stripOrder(editor, a!))
    const step = shot(editor, copy!).props.w + NEW_SHOT_GAP
    expect(at(editor, copy!)).toEqual(before[2])
    expect(at(editor, c!)).toEqual({ x: before[2]!.x + step, y: before[2]!.y })

    editor.undo()
    expect(editor.getShape(copy!)).toBeUndefined()
    expect([a!, b!, c!].map((id) => at(editor, id))).toEqual(before)
  })

  it('two shots duplicated at once read A, A′, B, B′ on the row as in the strip', async () => {
    const editor = boardWithCopies()
    const [a, b, c] = sceneOfShots(editor, 3)
    const copies = await duplicate(editor, [a!, b!])
    expect(copies).toHaveLength(2)
    const row = rowOrder(editor, a!)
    expect(row).toEqual(stripOrder(editor, a!))
    expect([row[0], row[2], row[4]]).toEqual([a, b, c])
    expect(new Set([row[1], row[3]])).toEqual(new Set(copies))
  })

  it("the copy's camera move, docked reference and sketch sit on it as the original's sit on the original", async () => {
    const editor = boardWithCopies()
    const [, b] = sceneOfShots(editor, 3)
    dressShot(editor, b!)
    const [copy] = await duplicate(editor, [b!])
    const offsets = (id: TLShapeId) => {
      const from = (type: typeof ANNOTATION_BINDING_TYPE | typeof REFERENCE_BINDING_TYPE) => at(editor, editor.getBindingsToShape(id, type)[0]!.fromId)
      const origin = at(editor, id)
      const rel = (p: { x: number; y: number }) => ({ x: p.x - origin.x, y: p.y - origin.y })
      const sketch = editor.getSortedChildIdsForParent(id).map((child) => at(editor, child))
      return { motion: rel(from(ANNOTATION_BINDING_TYPE)), reference: rel(from(REFERENCE_BINDING_TYPE)), sketch }
    }
    expect(offsets(copy!)).toEqual(offsets(b!))
    expect(editor.getBindingsToShape(copy!, REFERENCE_BINDING_TYPE)[0]!.fromId).not.toBe(editor.getBindingsToShape(b!, REFERENCE_BINDING_TYPE)[0]!.fromId)
  })

  it('copy and paste on the same board, wherever the pointer is, does the same', async () => {
    const editor = boardWithCopies()
    const [a, b, c] = sceneOfShots(editor, 3)
    const before = at(editor, c!)
    const content = editor.getContentFromCurrentPage([b!])!
    const shots = new Set(editor.getCurrentPageShapeIds())
    editor.markHistoryStoppingPoint('paste')
    editor.putContentOntoCurrentPage(content, { point: { x: -2000, y: 3000 }, select: true })
    const copy = [...editor.getCurrentPageShapeIds()].find((id) => !shots.has(id))!
    await settled()
    expect(rowOrder(editor, a!)).toEqual([a, b, copy, c])
    expect(at(editor, copy)).toEqual(before)
  })

  it('Ctrl+D on the last shot puts the copy beside it, as "new shot after" would', async () => {
    const editor = boardWithCopies()
    const [a, , c] = sceneOfShots(editor, 3)
    const [copy] = await duplicate(editor, [c!])
    expect(rowOrder(editor, a!)).toEqual(stripOrder(editor, a!))
    expect(at(editor, copy!)).toEqual({ x: at(editor, c!).x + shot(editor, c!).props.w + NEW_SHOT_GAP, y: at(editor, c!).y })
  })

  it('an Alt-dragged copy stays where it is dropped, and nothing slides', async () => {
    const editor = boardWithCopies()
    const [a, b, c] = sceneOfShots(editor, 3)
    const before = [a!, b!, c!].map((id) => at(editor, id))
    const from = editor.getShapePageBounds(b!)!.center
    const drop = { x: from.x, y: from.y + 900 }
    editor.setCurrentTool('select')
    editor.select(b!)
    pointer(editor, 'pointer_down', from, true)
    pointer(editor, 'pointer_move', { x: from.x, y: from.y + 450 }, true)
    pointer(editor, 'pointer_move', drop, true)
    pointer(editor, 'pointer_up', drop, true)
    await settled()

    const copy = editor.getCurrentPageShapes().find((s) => s.type === 'shot' && ![a, b, c].includes(s.id))
    expect(copy).toBeDefined()
    expect(editor.getShapePageBounds(copy!.id)!.center).toMatchObject(drop)
    expect([a!, b!, c!].map((id) => at(editor, id))).toEqual(before)
    expect(stripOrder(editor, a!)).toEqual([a, b, copy!.id, c])
  })
})
