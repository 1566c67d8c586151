// @vitest-environment jsdom
import { describe, expect, it, vi } from 'vitest'
import { atom, type TLImageAsset, type TLUiToast, type TLUiToastsContextType } from 'tldraw'
import { assetUrl } from '@storyloom/shared/api/assets'
import { shotVersion } from '../../versions/testing/shotVersionFixture'
import { offerShotsOfPlacedPictures, PICTURES_BACK_NOTE } from './placedPicturesOffer'
import type { DiscardTake, TakeFromAsset } from './picturesToShots'
import { emptyBoards, pictureAssetId, PICTURES_BOARD, placePicture } from './testing/placedPictureFixture'

/** The toasts as tldraw keeps them: added under their id (replacing one of the same id), removed by id. */
function fakeToasts(): TLUiToastsContextType {
  const toasts = atom<TLUiToast[]>('toasts', [])
  return {
    toasts,
    addToast: ({ id = String(Math.random()), ...toast }) => {
      toasts.update((all) => [...all.filter((t) => t.id !== id), { id, ...toast }])
      return id
    },
    removeToast: (id) => {
      toasts.update((all) => all.filter((t) => t.id !== id))
      return id
    },
    clearToasts: () => toasts.set([]),
  }
}

const take: TakeFromAsset = async (asset, shotId) =>
  shotVersion(`v_${asset.assetId.slice(0, 6)}`, null, {
    shotId,
    assets: [{ assetId: asset.assetId, src: assetUrl(PICTURES_BOARD, asset.assetId), mimeType: 'image/png', kind: 'image' }],
  })

describe('offerShotsOfPlacedPictures', () => {
  const board = emptyBoards()
  const setup = (makeTake: TakeFromAsset = take) => {
    const editor = board()
    const toasts = fakeToasts()
    const discarded: string[] = []
    const discard: DiscardTake = async (version) => {
      discarded.push(version.id)
    }
    const offer = (ids: Parameters<typeof offerShotsOfPlacedPictures>[2]) =>
      offerShotsOfPlacedPictures(editor, toasts, ids, { boardId: PICTURES_BOARD, take: (asset, shotId) => makeTake(asset, shotId), discard })
    return { editor, toasts, offer, discarded, shown: () => toasts.toasts.get() }
  }

  it('offers nothing for one picture: it is most often a mood reference', () => {
    const { editor, offer, shown } = setup()
    offer([placePicture(editor, 'mood.png')])
    expect(shown()).toEqual([])
  })

  it('offers to make several pictures shots once their uploads are done, and does it', async () => {
    const { editor, offer, shown } = setup()
    const placed = [placePicture(editor, 'f2.png'), placePicture(editor, 'f1.png', { x: 64, uploaded: false })]
    offer(placed)
    expect(shown()).toEqual([])
    // The upload finishes: tldraw saves the file's address on the asset.
    const assetId = (editor.getShape(placed[1]!)!.props as { assetId: never }).assetId
    const asset = editor.getAsset<TLImageAsset>(assetId)!
    editor.updateAssets([{ ...asset, props: { ...asset.props, src: assetUrl(PICTURES_BOARD, pictureAssetId('f1.png')) } }])
    expect(shown()).toMatchObject([{ title: 'Placed 2 pictures', keepOpen: true, actions: [{ label: 'Make them shots' }] }])

    shown()[0]!.actions![0]!.onClick()
    await vi.waitFor(() => expect(shown().at(-1)?.title).toMatch(/^Made 2 shots in/u))
    const titles = editor.getCurrentPageShapes().flatMap((s) => (s.type === 'shot' ? [(s.props as { title: string }).title] : []))
    expect(titles.sort()).toEqual(['f1', 'f2'])
  })

  it('says in its toast how many pictures it skipped because they went while the shots were being made', async () => {
    let during = () => {}
    const { editor, offer, shown } = setup(async (asset, shotId) => {
      during()
      return take(asset, shotId)
    })
    const placed = ['g1.png', 'g2.png', 'g3.png'].map((name, i) => placePicture(editor, name, { x: i * 64 }))
    offer(placed)
    // A collaborator deletes g3 while g1's take is being made.
    during = () => editor.deleteShapes([placed[2]!])
    shown()[0]!.actions![0]!.onClick()
    await vi.waitFor(() => expect(shown().at(-1)?.title).toMatch(/^Made 2 shots in/u))
    expect(shown().at(-1)).toMatchObject({ severity: 'warning', description: `Skipped 1 picture deleted or moved meanwhile.\n${PICTURES_BACK_NOTE}` })
  })

  it('takes the offer away once none of the pictures is left', () => {
    const { editor, offer, shown } = setup()
    const placed = [placePicture(editor, 'a.png'), placePicture(editor, 'b.png', { x: 64 })]
    offer(placed)
    expect(shown()).toHaveLength(1)
    editor.deleteShapes([placed[0]!])
    expect(shown()).toHaveLength(1)
    editor.deleteShapes([placed[1]!])
    expect(shown()).toEqual([])
  })

  it('offers nothing to someone who can only view the board', () => {
    const { editor, offer, shown } = setup()
    const placed = [placePicture(editor, 'a.png'), placePicture(editor, 'b.png', { x: 64 })]
    editor.updateInstanceState({ isReadonly: true })
    offer(placed)
    expect(shown()).toEqual([])
  })
})
