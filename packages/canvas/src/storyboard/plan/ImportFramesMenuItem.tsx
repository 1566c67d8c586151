import { useCallback } from 'react'
import { TldrawUiMenuItem, useEditor, useToasts } from 'tldraw'
import { PICTURE_MIME_TYPES } from '@storyloom/shared/api/assets'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { MAX_PLAN_SHOTS } from '@storyloom/shared/storyboard/limits'
import { loadClientConfig } from '../../api/clientConfig'
import { uploadTake } from '../../api/versionsApi'
import { useBoardSession } from '../../board/BoardSessionContext'
import { showImportedShots } from './applyShotPlan'
import { applyFrames, uploadFrames } from './importFrames'
import { listedLines, plural, UNDO_NOTE } from './importToastText'
import { pickFiles } from './shotPlanFiles'

/** One toast for the whole import: progress first, then how it went. */
const TOAST_ID = 'frames-import'

/**
 * "Import frames…": pictures drawn elsewhere, picked together, each uploaded as the first take
 * of a new shot titled from its file name, all of them one new scene (in natural order of their
 * names). Not shown to people who can only view the board (no `readonlyOk`).
 */
export function ImportFramesMenuItem() {
  const editor = useEditor()
  const { boardId } = useBoardSession()
  const { addToast } = useToasts()

  const importFrames = useCallback(async () => {
    const files = await pickFiles(PICTURE_MIME_TYPES)
    if (files.length === 0) return
    const fail = (title: string, description: string) => addToast({ id: TOAST_ID, severity: 'error', title, description, keepOpen: true })
    const unchanged = `Couldn't import ${plural(files.length, 'file')}; the board is unchanged`
    // Told before anything is uploaded: a plan takes no more shots than this.
    if (files.length > MAX_PLAN_SHOTS) return fail(unchanged, `One import takes at most ${MAX_PLAN_SHOTS} frames.`)
    const { maxAssetBytes } = await loadClientConfig()
    const { frames, refused, sceneName: chosenName } = await uploadFrames(files, {
      maxBytes: maxAssetBytes,
      upload: (file, shotId, size) => uploadTake(boardId, shotId, file, null, size),
      onProgress: (n, total) => addToast({ id: TOAST_ID, title: `Uploading frame ${n} of ${total}…`, keepOpen: true }),
    })
    const notImported = listedLines(
      refused.map(({ name, reason }) => `${isolatedName(name)}: ${reason}`),
      'file',
      ';',
    )
    if (frames.length === 0) return fail(unchanged, `${notImported}.`)
    try {
      const { shotIds, sceneName } = applyFrames(editor, frames, { sceneName: chosenName })
      showImportedShots(editor, shotIds)
      addToast({
        id: TOAST_ID,
        severity: refused.length > 0 ? 'warning' : 'success',
        title: `Imported ${plural(shotIds.length, 'frame')} as shots in ${isolatedName(sceneName)}`,
        description: refused.length > 0 ? `Not imported:\n${notImported}.\n${UNDO_NOTE}` : UNDO_NOTE,
        keepOpen: refused.length > 0,
      })
    } catch (error) {
      fail("Couldn't import the frames; the board is unchanged", (error as Error).message)
    }
  }, [editor, boardId, addToast])

  return <TldrawUiMenuItem id="import-frames" label="Import frames…" onSelect={() => void importFrames()} />
}
