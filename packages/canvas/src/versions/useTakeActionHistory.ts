import { useEffect, useRef, useState } from 'react'
import { useEditor, useToasts } from 'tldraw'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { ApiError } from '../api/apiClient'
import { deleteVersion, restoreVersion } from '../api/versionsApi'
import { takeActionHistory, type TakeActionHistory } from './takeActionHistory'

/** A conditional request: null when the server refused it because the take changed since. */
async function unlessChanged(request: Promise<ShotVersion>): Promise<ShotVersion | null> {
  try {
    return await request
  } catch (cause) {
    if (cause instanceof ApiError && cause.code === ApiErrorCode.versionChanged) return null
    throw cause
  }
}

/**
 * This tab's take actions on the editor's undo history (see {@link takeActionHistory}), for as
 * long as the board is open: a step recorded with the Versions panel open is still undone after
 * the panel is closed. Null until mounted.
 */
export function useTakeActionHistory(): TakeActionHistory | null {
  const editor = useEditor()
  const { addToast } = useToasts()
  const toast = useRef(addToast)
  toast.current = addToast
  const [history, setHistory] = useState<TakeActionHistory | null>(null)
  useEffect(() => {
    const made = takeActionHistory(
      editor,
      {
        remove: (boardId, versionId, ifRevision) => unlessChanged(deleteVersion(boardId, versionId, ifRevision)),
        restore: (boardId, versionId, ifRevision) => unlessChanged(restoreVersion(boardId, versionId, ifRevision)),
      },
      {
        onOutcome(outcome, undo) {
          if (outcome === 'refused') {
            // Undone before the server answered, then refused: there was nothing to take back.
            toast.current({
              title: undo ? 'Nothing undone' : 'Nothing redone',
              description: 'That take action did not go through. Undo again for the change before it.',
              severity: 'info',
            })
            return
          }
          if (outcome !== 'changed-since') return
          toast.current({
            title: undo ? 'Take not undone' : 'Take not redone',
            description: 'Someone changed this take since; their change stays.',
            severity: 'info',
          })
        },
        onError(cause) {
          const description = cause instanceof ApiError ? cause.message : String(cause)
          toast.current({ title: 'Version not changed', description, severity: 'error' })
        },
      },
    )
    setHistory(made)
    return () => {
      made.dispose()
      setHistory(null)
    }
  }, [editor])
  return history
}
