import { useCallback } from 'react'
import { react, useEditor, useToasts, type Editor, type TLShapeId, type TLUiToastsContextType } from 'tldraw'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { createTake, deleteVersion } from '../../api/versionsApi'
import { useBoardSession } from '../../board/BoardSessionContext'
import { showImportedShots } from './applyShotPlan'
import { listedLines, plural } from './importToastText'
import { isPictureShape, placedPicturesStillThere, uploadsSettled } from './placedPictures'
import { picturesToShots, type DiscardTake, type TakeFromAsset } from './picturesToShots'

/**
 * After several pictures are dropped or pasted on the canvas (not on a shot), a toast offers to
 * make them shots ("Make them shots"), as Import frames would have.
 */

/** The toast saying how making shots went (one at a time). */
const RESULT_TOAST_ID = 'placed-pictures-shots'

/** Said when the pictures turned into shots. */
export const PICTURES_BACK_NOTE = 'Undo gives the pictures back.'

/** Runs `then` once `check` holds (at once if it does now). */
function once(name: string, check: () => boolean, then: () => void): void {
  let done = false
  const stop = react(name, () => {
    if (done || !check()) return
    done = true
    queueMicrotask(() => stop())
    then()
  })
}

/**
 * Offers to make shots of the pictures among `placedIds` (just placed on the canvas) once their
 * uploads are done, when there are two or more of them: one picture is most often a mood
 * reference, and stays one. The offer goes away once none of them is left on the page (deleted,
 * the drop undone, moved into something) or the board becomes view-only.
 */
export function offerShotsOfPlacedPictures(
  editor: Editor,
  toasts: TLUiToastsContextType,
  placedIds: readonly TLShapeId[],
  { boardId, take, discard }: { boardId: string; take: TakeFromAsset; discard: DiscardTake },
): void {
  const ids = placedIds.filter((id) => {
    const shape = editor.getShape(id)
    return shape !== undefined && isPictureShape(shape)
  })
  if (ids.length < 2) return
  const left = () => (editor.getIsReadonly() ? 0 : placedPicturesStillThere(editor, ids, boardId).length)

  const makeShots = async () => {
    if (left() === 0) return
    toasts.addToast({ id: RESULT_TOAST_ID, title: 'Making shots of the pictures…', keepOpen: true })
    try {
      const result = await picturesToShots(editor, ids, { boardId, take, discard })
      if (result.kind === 'none-left') {
        toasts.addToast({ id: RESULT_TOAST_ID, severity: 'info', title: 'The pictures are no longer on the canvas; nothing changed' })
        return
      }
      const refused = listedLines(
        result.refused.map(({ name, reason }) => `${isolatedName(name || 'A picture')}: ${reason}`),
        'picture',
        ';',
      )
      if (result.kind === 'refused') {
        toasts.addToast({ id: RESULT_TOAST_ID, severity: 'error', title: "Couldn't make the pictures shots; the board is unchanged", description: `${refused}.`, keepOpen: true })
        return
      }
      const { shotIds, sceneName } = result.summary
      showImportedShots(editor, shotIds)
      const some = result.refused.length > 0 || result.gone > 0
      toasts.addToast({
        id: RESULT_TOAST_ID,
        severity: some ? 'warning' : 'success',
        title: `Made ${plural(shotIds.length, 'shot')} in ${isolatedName(sceneName)}`,
        description: [
          result.refused.length > 0 && `Left as pictures:\n${refused}.`,
          result.gone > 0 && `Skipped ${plural(result.gone, 'picture')} deleted or moved meanwhile.`,
          PICTURES_BACK_NOTE,
        ]
          .filter(Boolean)
          .join('\n'),
        keepOpen: some,
      })
    } catch (error) {
      toasts.addToast({ id: RESULT_TOAST_ID, severity: 'error', title: "Couldn't make the pictures shots; the board is unchanged", description: (error as Error).message, keepOpen: true })
    }
  }

  once('placed pictures uploaded', () => uploadsSettled(editor, ids), () => {
    const count = left()
    if (count < 2) return
    const toastId = toasts.addToast({
      id: `placed-pictures-${ids[0]}`,
      title: `Placed ${plural(count, 'picture')}`,
      description: 'Make them shots? One new scene, each picture its shot’s first take.',
      keepOpen: true,
      actions: [{ type: 'primary', label: 'Make them shots', onClick: () => void makeShots() }],
    })
    // Taken away when nothing is left to make shots of; closed (by hand or by its action), it is done.
    once('placed pictures offer', () => !toasts.toasts.get().some((t) => t.id === toastId) || left() === 0, () => toasts.removeToast(toastId))
  })
}

/** `offerShotsOfPlacedPictures` for the open board, its takes made (and deleted again) through the versions API. */
export function usePlacedPicturesOffer(): (placedIds: readonly TLShapeId[]) => void {
  const editor = useEditor()
  const toasts = useToasts()
  const { boardId } = useBoardSession()
  return useCallback(
    (placedIds) =>
      offerShotsOfPlacedPictures(editor, toasts, placedIds, {
        boardId,
        take: (asset, shotId) => createTake(boardId, shotId, asset, null),
        discard: (version) => deleteVersion(boardId, version.id),
      }),
    [editor, toasts, boardId],
  )
}
