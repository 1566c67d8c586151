// @vitest-environment jsdom
import { afterEach, describe, expect, it, vi } from 'vitest'
import { createShapeId, type TLStore } from 'tldraw'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { openSketchEditor, type SketchEditor } from '../presentation/sketchEditor'
import { PAGE_ID, boardStoreWith } from '../sync/testing/boardFixtures'
import { lastDrawnSketch, rememberDrawnSketch, type DrawnSketch } from './sketchImageCache'

const opened: SketchEditor[] = []
afterEach(() => opened.splice(0).forEach((sketches) => sketches.dispose()))

const kept = createShapeId('kept')
const deleted = createShapeId('deleted')

function boardWithShots(): TLStore {
  return boardStoreWith(
    createShotShape({ id: kept, parentId: PAGE_ID, index: 'a1' as never }),
    createShotShape({ id: deleted, parentId: PAGE_ID, index: 'a2' as never }),
  )
}

const picture = (shot: TLShotShape): DrawnSketch => ({ inputs: { shot, children: [] }, image: { url: `data:${shot.id}`, width: 16, height: 9 } })

describe('the cache of sketch pictures', () => {
  it('drops the picture of a deleted shot, keeps the others, and takes none for a shot already gone', async () => {
    const board = boardWithShots()
    const sketches = openSketchEditor(board)
    opened.push(sketches)
    const { editor } = sketches
    for (const id of [kept, deleted]) rememberDrawnSketch(editor, id, picture(editor.getShape<TLShotShape>(id)!))
    expect(lastDrawnSketch(editor, deleted)?.image.url).toBe(`data:${deleted}`)

    board.remove([deleted])
    await vi.waitFor(() => expect(lastDrawnSketch(editor, deleted)).toBeUndefined())
    expect(lastDrawnSketch(editor, kept)?.image.url).toBe(`data:${kept}`)

    // An export that finishes after its shot was deleted is not kept.
    const late = picture(editor.getShape<TLShotShape>(kept)!)
    rememberDrawnSketch(editor, deleted, late)
    expect(lastDrawnSketch(editor, deleted)).toBeUndefined()
  })
})
