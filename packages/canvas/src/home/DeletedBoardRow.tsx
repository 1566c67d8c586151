import { useState } from 'react'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { deleteBoardForever, restoreBoard, type Board, type DeletedBoard } from '../api/boardsApi'
import { ApiError } from '../api/apiClient'
import { dateTimeText, relativeTimeText } from '../app/dateTimeText'
import { BoardCover } from './BoardCover'
import { BoardRowConfirm } from './BoardRowConfirm'

type DeletedBoardRowProps = {
  board: DeletedBoard
  onRestored(board: Board): void
  onDeletedForever(boardId: string): void
}

/** One board in "Recently deleted": when it was deleted and will go for good; restore it, or delete it forever after confirming. */
export function DeletedBoardRow({ board, onRestored, onDeletedForever }: DeletedBoardRowProps) {
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState<'restoring' | 'deleting'>()
  const [error, setError] = useState<string>()

  const act = async (kind: 'restoring' | 'deleting') => {
    setBusy(kind)
    setError(undefined)
    try {
      if (kind === 'restoring') onRestored(await restoreBoard(board.id))
      else {
        await deleteBoardForever(board.id)
        onDeletedForever(board.id)
      }
    } catch (e) {
      setError(e instanceof ApiError ? e.message : kind === 'restoring' ? 'The board could not be restored.' : 'The board could not be deleted.')
      setBusy(undefined)
    }
  }

  return (
    <li className="board-row" data-mode={confirming ? 'confirm-delete' : 'view'}>
      <div className="board-row__open">
        <BoardCover url={null} />
        <span className="board-row__text">
          <span className="board-row__name"><bdi>{board.name}</bdi></span>
          <span className="board-row__updated">
            <span title={dateTimeText(board.deletedAt)}>Deleted {relativeTimeText(board.deletedAt)}</span>
            {' · '}
            <span title={dateTimeText(board.purgeAt)}>deleted forever {relativeTimeText(board.purgeAt)}</span>
          </span>
        </span>
      </div>
      {!confirming && (
        <div className="board-row__actions">
          <button type="button" className="button button--quiet" onClick={() => void act('restoring')} disabled={busy !== undefined}>
            {busy === 'restoring' ? 'Restoring…' : 'Restore'}
          </button>
          <button type="button" className="button button--quiet button--danger" onClick={() => setConfirming(true)} disabled={busy !== undefined}>
            Delete forever
          </button>
        </div>
      )}
      {confirming && (
        <BoardRowConfirm
          label={`Delete ${isolatedName(board.name)} forever?`}
          confirmText="Delete forever"
          busyText="Deleting…"
          busy={busy !== undefined}
          onConfirm={() => void act('deleting')}
          onCancel={() => setConfirming(false)}
        >
          Delete <strong><bdi>{board.name}</bdi></strong> forever, with its history and files? This cannot be undone.
        </BoardRowConfirm>
      )}
      {error && <p className="form-error board-row__error" role="alert">{error}</p>}
    </li>
  )
}
