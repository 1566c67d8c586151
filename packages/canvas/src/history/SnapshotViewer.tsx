import { createPortal } from 'react-dom'
import { useBoardDialogKeyboard } from '../app/useBoardDialogKeyboard'
import { useEffect, useRef, useState } from 'react'
import { TldrawImage, type TLStoreSnapshot } from 'tldraw'
import type { BoardSnapshot } from '@storyloom/shared/api/history'
import { ApiError } from '../api/apiClient'
import { snapshotState } from '../api/historyApi'
import { boardBindingUtils, boardShapeUtils } from '../board/boardUtils'
import { RestoreConfirm } from './RestoreConfirm'
import { hasShapes, snapshotForImage } from './snapshotForImage'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { dateTimeText } from '../app/dateTimeText'

/**
 * A snapshot opened read-only: the board as it was, drawn as a picture nobody can edit. Restoring
 * from here asks first, as the history list does.
 */
export function SnapshotViewer({
  boardId,
  snapshot,
  busy,
  onRestore,
  onClose,
}: {
  boardId: string
  snapshot: BoardSnapshot
  busy: boolean
  onRestore: (() => void) | null
  onClose(): void
}) {
  const [confirming, setConfirming] = useState(false)
  // 'empty': the board had no shapes then; tldraw cannot draw a picture of nothing.
  const [content, setContent] = useState<TLStoreSnapshot | 'empty' | null>(null)
  const [error, setError] = useState<string | null>(null)
  useEffect(() => {
    const controller = new AbortController()
    snapshotState(boardId, snapshot.id, controller.signal).then(
      (state) => {
        const image = snapshotForImage(state)
        setContent(hasShapes(image) ? image : 'empty')
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setError(cause instanceof ApiError ? cause.message : 'Could not open the snapshot.')
      },
    )
    return () => controller.abort()
  }, [boardId, snapshot.id])
  const dialog = useRef<HTMLDivElement>(null)
  useBoardDialogKeyboard(dialog, onClose)

  // On the page itself, not inside tldraw's layers: a dialog above the whole board UI.
  return createPortal(
    <div ref={dialog} className="board-dialog snapshot-viewer" role="dialog" aria-modal="true" aria-label={`Snapshot ${isolatedName(snapshot.name)}`} data-testid="snapshot-viewer">
      <header className="snapshot-viewer__header">
        <strong><bdi>{snapshot.name}</bdi></strong>
        <span>Read-only · {dateTimeText(snapshot.createdAt)} · <bdi>{snapshot.authorName}</bdi></span>
        {onRestore &&
          (confirming ? (
            <RestoreConfirm busy={busy} onConfirm={onRestore} onCancel={() => setConfirming(false)} />
          ) : (
            <button type="button" className="version-panel__primary" disabled={busy} onClick={() => setConfirming(true)}>
              Restore this…
            </button>
          ))}
        <button type="button" onClick={onClose} aria-label="Close snapshot">
          ✕
        </button>
      </header>
      <div className="snapshot-viewer__image">
        {error ? (
          <p role="alert">{error}</p>
        ) : content === 'empty' ? (
          <p>The board was empty at this point.</p>
        ) : content ? (
          <TldrawImage snapshot={content} shapeUtils={boardShapeUtils} bindingUtils={boardBindingUtils} format="svg" background padding={32} />
        ) : (
          <p>Opening…</p>
        )}
      </div>
    </div>,
    document.body,
  )
}
