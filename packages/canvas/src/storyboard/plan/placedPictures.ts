import type { Editor, TLImageAsset, TLShape, TLShapeId, TLVideoAsset } from 'tldraw'
import { parseBoardAssetUrl } from '@storyloom/shared/api/assets'
import { REFERENCE_BINDING_TYPE } from '@storyloom/shared/storyboard/referenceBinding'
import type { TakeAsset } from '../../api/versionsApi'
import { inNaturalOrder } from './framesPlan'

/**
 * Pictures dropped or pasted on the canvas, as the frames of a new scene: which of them are
 * still lying loose on the page, and in which order they become shots.
 */

/** The shapes a dropped picture is: an image or a clip. */
const PICTURE_SHAPE_TYPES: readonly string[] = ['image', 'video']

/** True for an image or clip shape. */
export function isPictureShape(shape: TLShape): boolean {
  return PICTURE_SHAPE_TYPES.includes(shape.type)
}

/** A picture on the canvas whose file the board already has. */
export interface PlacedPicture {
  readonly shapeId: TLShapeId
  /** Its file's name ("" when the browser gave none). */
  readonly name: string
  /** Its uploaded file, with the size it was read at. */
  readonly asset: TakeAsset
}

/** The uploaded file of `shape` on `boardId`, when it has finished uploading there. */
function uploadedAsset(editor: Editor, shape: TLShape, boardId: string): { name: string; asset: TakeAsset } | undefined {
  const assetId = (shape.props as { assetId?: TLImageAsset['id'] | null }).assetId
  const asset = assetId ? editor.getAsset<TLImageAsset | TLVideoAsset>(assetId) : undefined
  const uploaded = asset?.props.src ? parseBoardAssetUrl(asset.props.src) : undefined
  if (!asset || !uploaded || uploaded.boardId !== boardId) return undefined
  const { w, h, name } = asset.props
  const size = Number.isInteger(w) && Number.isInteger(h) && w > 0 && h > 0 ? { width: w, height: h } : {}
  return { name, asset: { assetId: uploaded.assetId, ...size } }
}

/**
 * Those of `shapeIds` (in the order given) still lying loose on the current page as pictures
 * uploaded to `boardId`: not deleted, not moved into a frame or group or onto another page, not
 * pinned to a shot as a reference, and done uploading.
 */
export function placedPicturesStillThere(editor: Editor, shapeIds: readonly TLShapeId[], boardId: string): PlacedPicture[] {
  const pageId = editor.getCurrentPageId()
  return shapeIds.flatMap((shapeId) => {
    const shape = editor.getShape(shapeId)
    if (!shape || !isPictureShape(shape) || shape.parentId !== pageId) return []
    if (editor.getBindingsFromShape(shape, REFERENCE_BINDING_TYPE).length > 0) return []
    const uploaded = uploadedAsset(editor, shape, boardId)
    return uploaded ? [{ shapeId, ...uploaded }] : []
  })
}

/**
 * The order placed pictures become shots in: natural order of their file names when every one
 * has a name (as Import frames reads a folder), otherwise the order they were placed in.
 */
export function inShotOrder(pictures: readonly PlacedPicture[]): PlacedPicture[] {
  // Array.prototype.sort is stable: pictures of the same name keep the order they were placed in.
  return pictures.every((picture) => picture.name.trim() !== '') ? inNaturalOrder(pictures) : [...pictures]
}

/**
 * Whether every asset of `shapeIds` is done: uploaded (its file on the server) or given up
 * (the upload failed and tldraw removed it, or the shape is gone).
 */
export function uploadsSettled(editor: Editor, shapeIds: readonly TLShapeId[]): boolean {
  return shapeIds.every((shapeId) => {
    const shape = editor.getShape(shapeId)
    const assetId = shape && (shape.props as { assetId?: TLImageAsset['id'] | null }).assetId
    const asset = assetId ? editor.getAsset(assetId) : undefined
    return !asset || ('src' in asset.props && typeof asset.props.src === 'string' && parseBoardAssetUrl(asset.props.src) !== undefined)
  })
}
