// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { Editor, TLShapeId } from 'tldraw'
import { assetUrl } from '@storyloom/shared/api/assets'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { TakeAsset } from '../../api/versionsApi'
import { shotVersion } from '../../versions/testing/shotVersionFixture'
import { picturesToShots, type TakeFromAsset } from './picturesToShots'
import { emptyBoards, pictureAssetId, PICTURES_BOARD, placePicture } from './testing/placedPictureFixture'

/** A take for each uploaded file, as the server records one; `during` runs while it is being made. */
function fakeTakes(during: () => void = () => {}): { take: TakeFromAsset; calls: TakeAsset[] } {
  const calls: TakeAsset[] = []
  const take: TakeFromAsset = async (asset, shotId) => {
    calls.push(asset)
    during()
    return shotVersion(`v_${calls.length}`, null, {
      shotId,
      assets: [{ assetId: asset.assetId, src: assetUrl(PICTURES_BOARD, asset.assetId), mimeType: 'image/png', kind: 'image' }],
    })
  }
  return { take, calls }
}

describe('picturesToShots', () => {
  const board = emptyBoards()
  const shots = (editor: Editor) => editor.getCurrentPageShapes().filter((s): s is TLShotShape => s.type === 'shot')
  const pictureIds = (editor: Editor) => editor.getCurrentPageShapes().filter((s) => s.type === 'image').map((s) => s.id)

  it('makes the placed pictures one new scene of shots in natural order, each showing its own file as its first take, in one undo step', async () => {
    const editor = board()
    const placed = ['sc01_10.png', 'sc01_2.png', 'sc01_1.png'].map((name, i) => placePicture(editor, name, { x: 1000 + i * 64 }))
    editor.markHistoryStoppingPoint('placed')
    const { take, calls } = fakeTakes()

    const result = await picturesToShots(editor, placed, { boardId: PICTURES_BOARD, take })

    // The files already uploaded, with their sizes: nothing is uploaded again.
    expect(calls).toEqual(['sc01_1.png', 'sc01_2.png', 'sc01_10.png'].map((name) => ({ assetId: pictureAssetId(name), width: 64, height: 36 })))
    expect(result).toMatchObject({ kind: 'made', summary: { sceneName: 'sc01' }, refused: [] })
    const { shotIds } = (result as { summary: { shotIds: TLShapeId[] } }).summary
    const made = shotIds.map((id) => editor.getShape<TLShotShape>(id)!)
    expect(made.map((shot) => shot.props.title)).toEqual(['sc01_1', 'sc01_2', 'sc01_10'])
    expect(made.map((shot) => shot.props.activeVersionId)).toEqual(['v_1', 'v_2', 'v_3'])
    expect(made.map((shot) => shot.props.media?.src)).toEqual(calls.map((asset) => assetUrl(PICTURES_BOARD, asset.assetId)))
    // Where the pictures were, and the pictures gone.
    expect(made[0]!.x).toBe(1000)
    expect(pictureIds(editor)).toEqual([])

    editor.undo()
    expect(shots(editor)).toEqual([])
    expect(pictureIds(editor).sort()).toEqual([...placed].sort())
    expect(editor.store.allRecords().filter((record) => record.typeName === 'scene')).toEqual([])
  })

  it('makes shots of those still there: one deleted before, one moved while the takes were made', async () => {
    const editor = board()
    const [a, b, c] = ['a1.png', 'a2.png', 'a3.png'].map((name, i) => placePicture(editor, name, { x: i * 64 })) as [TLShapeId, TLShapeId, TLShapeId]
    editor.deleteShapes([a])
    editor.createShape({ id: 'shape:frame' as never, type: 'frame', x: -500, y: -500, props: { w: 100, h: 100 } })
    const { take, calls } = fakeTakes(() => editor.reparentShapes([c], 'shape:frame' as never))

    const result = await picturesToShots(editor, [a, b, c], { boardId: PICTURES_BOARD, take })

    expect(calls.map((asset) => asset.assetId)).toEqual([pictureAssetId('a2.png'), pictureAssetId('a3.png')])
    expect(shots(editor).map((shot) => shot.props.title)).toEqual(['a2'])
    expect(result).toMatchObject({ kind: 'made' })
    // The picture moved into the frame stays a picture.
    expect(editor.getShape(c)?.parentId).toBe('shape:frame')
  })

  it('changes nothing when none of the pictures is left, or no take could be made', async () => {
    const editor = board()
    const placed = [placePicture(editor, 'x1.png'), placePicture(editor, 'x2.png', { x: 64 })]
    const refusing: TakeFromAsset = async () => {
      throw new Error('network down')
    }
    expect(await picturesToShots(editor, placed, { boardId: PICTURES_BOARD, take: refusing })).toEqual({
      kind: 'refused',
      refused: [
        { name: 'x1.png', reason: 'network down' },
        { name: 'x2.png', reason: 'network down' },
      ],
    })
    editor.deleteShapes(placed)
    const { take, calls } = fakeTakes()
    expect(await picturesToShots(editor, placed, { boardId: PICTURES_BOARD, take })).toEqual({ kind: 'none-left' })
    expect(calls).toEqual([])
    expect(shots(editor)).toEqual([])
  })
})
