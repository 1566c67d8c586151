// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import type { Editor, TLShapeId } from 'tldraw'
import { assetUrl } from '@storyloom/shared/api/assets'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import type { TakeAsset } from '../../api/versionsApi'
import { shotVersion } from '../../versions/testing/shotVersionFixture'
import { picturesToShots, type DiscardTake, type TakeFromAsset } from './picturesToShots'
import { emptyBoards, pictureAssetId, PICTURES_BOARD, placePicture } from './testing/placedPictureFixture'

/**
 * A take for each uploaded file, as the server records one; `during(n)` runs while the n-th
 * (from 1) is being made. `discarded` lists the takes deleted again.
 */
function fakeTakes(during: (n: number) => void = () => {}): { take: TakeFromAsset; discard: DiscardTake; calls: TakeAsset[]; made: ShotVersion[]; discarded: string[] } {
  const calls: TakeAsset[] = []
  const made: ShotVersion[] = []
  const discarded: string[] = []
  const take: TakeFromAsset = async (asset, shotId) => {
    calls.push(asset)
    during(calls.length)
    const version = shotVersion(`v_${calls.length}`, null, {
      shotId,
      assets: [{ assetId: asset.assetId, src: assetUrl(PICTURES_BOARD, asset.assetId), mimeType: 'image/png', kind: 'image' }],
    })
    made.push(version)
    return version
  }
  const discard: DiscardTake = async (version) => {
    discarded.push(version.id)
  }
  return { take, discard, calls, made, discarded }
}

describe('picturesToShots', () => {
  const board = emptyBoards()
  const shots = (editor: Editor) => editor.getCurrentPageShapes().filter((s): s is TLShotShape => s.type === 'shot')
  const pictureIds = (editor: Editor) => editor.getCurrentPageShapes().filter((s) => s.type === 'image').map((s) => s.id)

  it('makes the placed pictures one new scene of shots in natural order, each showing its own file as its first take, in one undo step', async () => {
    const editor = board()
    const placed = ['sc01_10.png', 'sc01_2.png', 'sc01_1.png'].map((name, i) => placePicture(editor, name, { x: 1000 + i * 64 }))
    editor.markHistoryStoppingPoint('placed')
    const { take, discard, calls, discarded } = fakeTakes()

    const result = await picturesToShots(editor, placed, { boardId: PICTURES_BOARD, take, discard })

    // The files already uploaded, with their sizes: nothing is uploaded again.
    expect(calls).toEqual(['sc01_1.png', 'sc01_2.png', 'sc01_10.png'].map((name) => ({ assetId: pictureAssetId(name), width: 64, height: 36 })))
    expect(result).toMatchObject({ kind: 'made', summary: { sceneName: 'sc01' }, refused: [], gone: 0 })
    expect(discarded).toEqual([])
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

  it('makes shots of those still there, and takes of no others: one deleted before, one moved while the takes were made', async () => {
    const editor = board()
    const [a, b, c] = ['a1.png', 'a2.png', 'a3.png'].map((name, i) => placePicture(editor, name, { x: i * 64 })) as [TLShapeId, TLShapeId, TLShapeId]
    editor.deleteShapes([a])
    editor.createShape({ id: 'shape:frame' as never, type: 'frame', x: -500, y: -500, props: { w: 100, h: 100 } })
    const { take, discard, calls, discarded } = fakeTakes(() => editor.reparentShapes([c], 'shape:frame' as never))

    const result = await picturesToShots(editor, [a, b, c], { boardId: PICTURES_BOARD, take, discard })

    // a3 went into the frame while a2's take was being made: no take is made of it.
    expect(calls.map((asset) => asset.assetId)).toEqual([pictureAssetId('a2.png')])
    expect(discarded).toEqual([])
    expect(shots(editor).map((shot) => shot.props.title)).toEqual(['a2'])
    expect(result).toMatchObject({ kind: 'made', gone: 1 })
    // The picture moved into the frame stays a picture.
    expect(editor.getShape(c)?.parentId).toBe('shape:frame')
  })

  it('deletes again the take of a picture deleted (by a collaborator) after its take was made: no take is left for a shot never made', async () => {
    const editor = board()
    const [a, b, c] = ['b1.png', 'b2.png', 'b3.png'].map((name, i) => placePicture(editor, name, { x: i * 64 })) as [TLShapeId, TLShapeId, TLShapeId]
    // b1's take is made, then b1 goes while b3's is.
    const { take, discard, calls, made, discarded } = fakeTakes((n) => n === 3 && editor.deleteShapes([a]))

    const result = await picturesToShots(editor, [a, b, c], { boardId: PICTURES_BOARD, take, discard })

    expect(calls).toHaveLength(3)
    expect(discarded).toEqual([made[0]!.id])
    expect(shots(editor).map((shot) => shot.props.title)).toEqual(['b2', 'b3'])
    // Every take left standing is the take of a shot on the board.
    const kept = made.filter((version) => !discarded.includes(version.id))
    expect(kept.map((version) => editor.getShape(version.shotId as TLShapeId)?.type)).toEqual(['shot', 'shot'])
    expect(result).toMatchObject({ kind: 'made', gone: 1 })
    expect(editor.getShape(b)).toBeUndefined()
  })

  it('makes no shot and leaves no take when every picture went while the takes were made', async () => {
    const editor = board()
    const placed = [placePicture(editor, 'c1.png'), placePicture(editor, 'c2.png', { x: 64 })]
    const { take, discard, made, discarded } = fakeTakes(() => editor.deleteShapes(placed))

    expect(await picturesToShots(editor, placed, { boardId: PICTURES_BOARD, take, discard })).toEqual({ kind: 'none-left' })
    expect(discarded).toEqual(made.map((version) => version.id))
    expect(made).toHaveLength(1)
    expect(shots(editor)).toEqual([])
  })

  it('changes nothing when none of the pictures is left, or no take could be made', async () => {
    const editor = board()
    const placed = [placePicture(editor, 'x1.png'), placePicture(editor, 'x2.png', { x: 64 })]
    const refusing: TakeFromAsset = async () => {
      throw new Error('network down')
    }
    expect(await picturesToShots(editor, placed, { boardId: PICTURES_BOARD, take: refusing, discard: fakeTakes().discard })).toEqual({
      kind: 'refused',
      refused: [
        { name: 'x1.png', reason: 'network down' },
        { name: 'x2.png', reason: 'network down' },
      ],
    })
    editor.deleteShapes(placed)
    const { take, discard, calls } = fakeTakes()
    expect(await picturesToShots(editor, placed, { boardId: PICTURES_BOARD, take, discard })).toEqual({ kind: 'none-left' })
    expect(calls).toEqual([])
    expect(shots(editor)).toEqual([])
  })
})
