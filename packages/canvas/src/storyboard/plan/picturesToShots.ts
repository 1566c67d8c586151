import type { Editor, TLShapeId } from 'tldraw'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import type { TakeAsset } from '../../api/versionsApi'
import { applyFrames, takeFrames, type FramesImportSummary, type RefusedFrame } from './importFrames'
import { inShotOrder, placedPicturesStillThere } from './placedPictures'

/**
 * "Make them shots": pictures placed on the canvas become a new scene of shots, as Import
 * frames makes one, each picture's uploaded file its shot's first take (nothing uploaded again).
 */

/** Records an uploaded file as a new root take of the shot `shotId` will be (see versionsApi's createTake). */
export type TakeFromAsset = (asset: TakeAsset, shotId: TLShapeId) => Promise<ShotVersion>

/** What making the pictures shots did: nothing (none of them was left, or no take could be made), or the shots made. */
export type PicturesToShotsResult =
  | { readonly kind: 'none-left' }
  | { readonly kind: 'refused'; readonly refused: RefusedFrame[] }
  | { readonly kind: 'made'; readonly summary: FramesImportSummary; readonly refused: RefusedFrame[] }

/**
 * Makes those of `shapeIds` still lying loose on the page shots (see placedPicturesStillThere),
 * in shot order (inShotOrder): each picture's file made the first take of a new shot, then, in
 * one undo step, the shots put on the board as one new scene where the pictures were and the
 * pictures removed. A picture deleted or moved while its take was being made is left out.
 */
export async function picturesToShots(
  editor: Editor,
  shapeIds: readonly TLShapeId[],
  { boardId, take }: { boardId: string; take: TakeFromAsset },
): Promise<PicturesToShotsResult> {
  const pictures = inShotOrder(placedPicturesStillThere(editor, shapeIds, boardId))
  if (pictures.length === 0) return { kind: 'none-left' }
  const { frames, refused } = await takeFrames(pictures, {
    name: (picture) => picture.name,
    take: (picture, shotId) => take(picture.asset, shotId),
  })
  // The takes took a while: what is still there now is what becomes shots.
  const still = new Set(placedPicturesStillThere(editor, shapeIds, boardId).map((picture) => picture.shapeId))
  const kept = frames.filter((frame) => still.has(frame.source.shapeId))
  if (kept.length === 0) return frames.length === 0 ? { kind: 'refused', refused } : { kind: 'none-left' }
  const summary = applyFrames(editor, kept, { replacing: kept.map((frame) => frame.source.shapeId) })
  return { kind: 'made', summary, refused }
}
