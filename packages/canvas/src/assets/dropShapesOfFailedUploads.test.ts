// @vitest-environment jsdom
import { afterEach, expect, it } from 'vitest'
import { AssetRecordType, createShapeId, type Editor, type TLAssetId } from 'tldraw'
import { headlessBoardEditor } from '../board/testing/headlessEditor'
import { dropShapesOfFailedUploads } from './dropShapesOfFailedUploads'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

/** A board with a picture placed while its file uploads (tldraw's asset with `src: ''`), and a second picture's shape. */
function withUploadingPicture() {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const picture = (n: number) => {
    const assetId: TLAssetId = AssetRecordType.createId(`upload${n}`)
    editor.createAssets([{ id: assetId, typeName: 'asset', type: 'image', props: { name: 'scan.png', src: '', w: 10, h: 10, mimeType: 'image/png', isAnimated: false }, meta: {} }])
    const shapeId = createShapeId()
    editor.createShape({ id: shapeId, type: 'image', x: 0, y: 0, props: { assetId, w: 10, h: 10 } })
    return { assetId, shapeId }
  }
  return { editor, failing: picture(1), other: picture(2) }
}

it('deletes the shape of a picture whose upload failed (tldraw deleted its asset), and only that one', () => {
  const { editor, failing, other } = withUploadingPicture()
  dropShapesOfFailedUploads(editor)
  editor.deleteAssets([failing.assetId]) // what tldraw does when the upload fails
  expect(editor.getShape(failing.shapeId)).toBeUndefined()
  expect(editor.getShape(other.shapeId)).toBeDefined()
})

it('leaves shapes alone when the asset went away in someone else’s change, or when it is not registered', () => {
  const { editor, failing, other } = withUploadingPicture()
  const stop = dropShapesOfFailedUploads(editor)
  editor.store.mergeRemoteChanges(() => editor.store.remove([failing.assetId]))
  expect(editor.getShape(failing.shapeId)).toBeDefined()
  stop()
  editor.deleteAssets([other.assetId])
  expect(editor.getShape(other.shapeId)).toBeDefined()
})
