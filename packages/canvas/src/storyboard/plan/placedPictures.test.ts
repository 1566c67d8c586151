// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { attachReference } from '../references/shotReferences'
import { inShotOrder, placedPicturesStillThere, uploadsSettled, type PlacedPicture } from './placedPictures'
import { emptyBoards, pictureAssetId, PICTURES_BOARD, placePicture } from './testing/placedPictureFixture'

const picture = (name: string, i: number): PlacedPicture => ({ shapeId: `shape:p${i}` as never, name, asset: { assetId: String(i) } })

describe('inShotOrder', () => {
  it('reads file names in natural order, as Import frames reads a folder', () => {
    const placed = ['frame10.png', 'frame2.png', 'frame1.png'].map(picture)
    expect(inShotOrder(placed).map((p) => p.name)).toEqual(['frame1.png', 'frame2.png', 'frame10.png'])
  })

  it('keeps the order they were placed in when a name is unknown, or names are the same', () => {
    expect(inShotOrder(['b.png', '', 'a.png'].map(picture)).map((p) => p.name)).toEqual(['b.png', '', 'a.png'])
    // Pasted screenshots are all "image.png".
    expect(inShotOrder(['image.png', 'image.png', 'image.png'].map(picture)).map((p) => p.shapeId)).toEqual(['shape:p0', 'shape:p1', 'shape:p2'])
  })
})

const board = emptyBoards()

describe('placedPicturesStillThere', () => {

  it('gives each uploaded picture its file and size, in the order asked', () => {
    const editor = board()
    const ids = [placePicture(editor, 'b.png'), placePicture(editor, 'a.png', { x: 100 })]
    expect(placedPicturesStillThere(editor, ids, PICTURES_BOARD)).toEqual([
      { shapeId: ids[0], name: 'b.png', asset: { assetId: pictureAssetId('b.png'), width: 64, height: 36 } },
      { shapeId: ids[1], name: 'a.png', asset: { assetId: pictureAssetId('a.png'), width: 64, height: 36 } },
    ])
  })

  it('leaves out pictures deleted, moved into a frame, pinned to a shot, still uploading, or of another board', () => {
    const editor = board()
    const [kept, deleted, framed, pinned, uploading] = ['kept', 'deleted', 'framed', 'pinned', 'uploading'].map((name, i) =>
      placePicture(editor, `${name}.png`, { x: i * 100, uploaded: name !== 'uploading' }),
    ) as [never, never, never, never, never]
    editor.deleteShapes([deleted])
    editor.createShape({ type: 'frame', x: -500, y: -500, props: { w: 100, h: 100 } })
    editor.reparentShapes([framed], editor.getCurrentPageShapes().find((s) => s.type === 'frame')!.id)
    editor.createShape({ id: 'shape:shot' as never, type: 'shot', x: 0, y: 500 })
    attachReference(editor, pinned, 'shape:shot' as never)
    const ids = [kept, deleted, framed, pinned, uploading]
    expect(placedPicturesStillThere(editor, ids, PICTURES_BOARD).map((p) => p.shapeId)).toEqual([kept])
    expect(placedPicturesStillThere(editor, ids, 'another_board_16')).toEqual([])
  })
})

describe('uploadsSettled', () => {
  it('waits for every upload to finish or be given up', () => {
    const editor = board()
    const done = placePicture(editor, 'done.png')
    const uploading = placePicture(editor, 'uploading.png', { uploaded: false })
    expect(uploadsSettled(editor, [done, uploading])).toBe(false)
    // A failed upload: tldraw removes the asset.
    const assetId = (editor.getShape(uploading)!.props as { assetId: never }).assetId
    editor.deleteAssets([assetId])
    expect(uploadsSettled(editor, [done, uploading])).toBe(true)
  })
})
