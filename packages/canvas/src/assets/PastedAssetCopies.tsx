import { useEffect } from 'react'
import { useEditor, useToasts } from 'tldraw'
import { copyAssets } from '../api/assetsApi'
import { useBoardSession } from '../board/BoardSessionContext'
import { copyOutcomeToast } from './assetCopyToasts'
import { registerPastedAssetCopies } from './pastedAssetCopies'

/** Copies pictures pasted from other boards into this one while it is open (see `registerPastedAssetCopies`). Renders nothing. */
export function PastedAssetCopies() {
  const editor = useEditor()
  const { boardId } = useBoardSession()
  const { addToast } = useToasts()
  useEffect(
    () =>
      registerPastedAssetCopies(editor, {
        boardId,
        copy: (urls) => copyAssets(boardId, urls),
        report: (outcome) => {
          const toast = copyOutcomeToast(outcome)
          if (toast) addToast(toast)
        },
      }),
    [editor, boardId, addToast],
  )
  return null
}
