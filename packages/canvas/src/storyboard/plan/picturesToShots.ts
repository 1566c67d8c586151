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

/** Deletes a take made for a shot that will not be made after all (see versionsApi's deleteVersion). */
export type DiscardTake = (version: ShotVersion) => Promise<unknown>

/**
 * What making the pictures shots did: nothing (none of them was left, or no take could be made),
 * or the shots made, with the pictures refused and how many went (deleted or moved) meanwhile.
 */
export type PicturesToShotsResult =
  | { readonly kind: 'none-left' }
  | { readonly kind: 'refused'; readonly refused: RefusedFrame[] }
  | { readonly kind: 'made'; readonly summary: FramesImportSummary; readonly refused: RefusedFrame[]; readonly gone: number }

/**
 * Makes those of `shapeIds` still lying loose on the page shots (see placedPicturesStillThere),
 * in shot order (inShotOrder): each picture's file made the first take of a new shot, then, in
 * one undo step, the shots put on the board as one new scene where the pictures were and the
 * pictures removed. A picture deleted or moved (by anyone) while the takes are being made is
 * left out: no take is made of it once it has gone, and one made before is deleted again
 * (`discard`), so no take is left for a shot that is never made.
 */
export async function picturesToShots(
  editor: Editor,
  shapeIds: readonly TLShapeId[],
  { boardId, take, discard }: { boardId: string; take: TakeFromAsset; discard: DiscardTake },
): Promise<PicturesToShotsResult> {
  const stillThere = (ids: readonly TLShapeId[]) => placedPicturesStillThere(editor, ids, boardId)
  const pictures = inShotOrder(stillThere(shapeIds))
  if (pictures.length === 0) return { kind: 'none-left' }
  const { frames, refused, sceneName } = await takeFrames(pictures, {
    name: (picture) => picture.name,
    skip: (picture) => stillThere([picture.shapeId]).length === 0,
    take: (picture, shotId) => take(picture.asset, shotId),
  })
  // The takes took a while: what is still there now is what becomes shots, at once (no await
  // between this check and the shots put on the board).
  const still = new Set(stillThere(shapeIds).map((picture) => picture.shapeId))
  const kept = frames.filter((frame) => still.has(frame.source.shapeId))
  const dropped = frames.filter((frame) => !still.has(frame.source.shapeId))
  const summary = kept.length > 0 ? applyFrames(editor, kept, { replacing: kept.map((frame) => frame.source.shapeId), sceneName }) : undefined
  // A failure here leaves a take no one can reach (its shot was never made): nothing to tell the person about.
  await Promise.allSettled(dropped.map((frame) => discard(frame.version)))
  if (!summary) return refused.length > 0 ? { kind: 'refused', refused } : { kind: 'none-left' }
  return { kind: 'made', summary, refused, gone: pictures.length - refused.length - kept.length }
}
