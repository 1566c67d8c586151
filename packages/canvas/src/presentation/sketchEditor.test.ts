// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createShapeId, type TLRecord, type TLStore } from 'tldraw'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { PAGE_ID, boardStoreWith, rectangle } from '../sync/testing/boardFixtures'
import { openSketchEditor, type SketchEditor } from './sketchEditor'

const opened: SketchEditor[] = []
afterEach(() => opened.splice(0).forEach((sketches) => sketches.dispose()))

const shotId = createShapeId('shot')
const strokeId = createShapeId('stroke')

/** A synced board as the presentation gets it: a page, a shot and a rectangle sketched in its frame. */
function sketchedBoard(): TLStore {
  return boardStoreWith(createShotShape({ id: shotId, parentId: PAGE_ID, index: 'a1' as never }), { ...rectangle(strokeId, 20), parentId: shotId })
}

function open(board: TLStore): SketchEditor {
  const sketches = openSketchEditor(board)
  opened.push(sketches)
  return sketches
}

describe('the sketch editor of a presentation', () => {
  it("holds the board's sketches as they are when it opens", () => {
    const { editor } = open(sketchedBoard())
    expect(editor.getSortedChildIdsForParent(shotId)).toEqual([strokeId])
  })

  it('follows the board: new, changed and erased strokes', async () => {
    const board = sketchedBoard()
    const { editor } = open(board)
    const second = createShapeId('second')
    board.put([{ ...rectangle(second, 60), parentId: shotId, index: 'a2' as never }])
    board.update(strokeId, (shape) => ({ ...shape, x: 42 }))
    await vi.waitFor(() => expect(editor.getSortedChildIdsForParent(shotId)).toEqual([strokeId, second]))
    await vi.waitFor(() => expect(editor.getShape(strokeId)?.x).toBe(42))
    board.remove([strokeId])
    await vi.waitFor(() => expect(editor.getSortedChildIdsForParent(shotId)).toEqual([second]))
  })

  it('never writes to the synced board: its camera, page states and side effects stay in its copy', async () => {
    const board = sketchedBoard()
    const before = board.allRecords()
    const changes: unknown[] = []
    board.listen((entry) => changes.push(entry.changes), { scope: 'all', source: 'all' })
    const { editor } = open(board)
    editor.updateInstanceState({ isGridMode: true })
    editor.setCamera({ x: 100, y: 100, z: 2 })
    editor.updateShape({ id: strokeId, type: 'geo', x: 500 })
    await new Promise((resolve) => setTimeout(resolve, 50))
    expect(changes).toEqual([])
    expect(board.allRecords().sort(byId)).toEqual(before.sort(byId))
    expect(board.allRecords().some((record) => record.typeName === 'instance' || record.typeName === 'camera')).toBe(false)
  })

  it('leaves nothing on the page once disposed', () => {
    const sketches = openSketchEditor(sketchedBoard())
    expect(document.querySelectorAll('.tl-container')).toHaveLength(1)
    sketches.dispose()
    expect(document.querySelectorAll('.tl-container')).toHaveLength(0)
  })
})

const byId = (a: TLRecord, b: TLRecord) => a.id.localeCompare(b.id)
