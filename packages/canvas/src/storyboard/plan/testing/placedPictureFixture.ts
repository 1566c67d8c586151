import { afterEach } from 'vitest'
import { AssetRecordType, createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { assetUrl } from '@storyloom/shared/api/assets'
import { headlessBoardEditor } from '../../../board/testing/headlessEditor'

/** The board the pictures of these tests are uploaded to. */
export const PICTURES_BOARD = 'board_for_tests1'

/**
 * Places an image on the page as tldraw places a dropped file: an image asset named `name`
 * (uploaded to PICTURES_BOARD unless `uploaded` is false: still uploading) and its shape at `x`.
 */
export function placePicture(editor: Editor, name: string, { x = 0, uploaded = true }: { x?: number; uploaded?: boolean } = {}): TLShapeId {
  const sha = pictureAssetId(name)
  const assetId = AssetRecordType.createId(sha)
  const src = uploaded ? assetUrl(PICTURES_BOARD, sha) : ''
  editor.createAssets([{ id: assetId, typeName: 'asset', type: 'image', meta: {}, props: { name, src, w: 64, h: 36, mimeType: 'image/png', isAnimated: false } }])
  const id = createShapeId()
  editor.createShape({ id, type: 'image', x, y: 0, props: { assetId, w: 64, h: 36 } })
  return id
}

/** The asset id (sha256) placePicture gives a picture named `name`. */
export function pictureAssetId(name: string): string {
  return [...name].map((c) => c.charCodeAt(0).toString(16)).join('').padEnd(64, '0').slice(0, 64)
}

/** A maker of empty headless boards, each disposed after the test of the calling file that made it. */
export function emptyBoards(): () => Editor {
  const editors: Editor[] = []
  afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))
  return () => {
    const editor = headlessBoardEditor()
    editors.push(editor)
    return editor
  }
}
