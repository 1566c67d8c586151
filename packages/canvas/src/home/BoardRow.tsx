import { useState, type FormEvent } from 'react'
import { Link } from 'wouter'
import { canEditDoc, roleWithArticle } from '@storyloom/shared/access/roles'
import { BOARD_NAME_MAX_LENGTH } from '@storyloom/shared/api/boards'
import { deleteBoard, duplicateBoard, type Board } from '../api/boardsApi'
import { ApiError } from '../api/apiClient'
import { useBoardRename } from '../board/useBoardRename'
import { BoardCover } from './BoardCover'
import { BoardRowConfirm } from './BoardRowConfirm'
import { forgetLocalCopy } from './forgetLocalCopy'
import { dateTimeText, relativeTimeText } from '../app/dateTimeText'
import { isolatedName } from '@storyloom/shared/api/typedName'

type BoardRowProps = {
  board: Board
  onRenamed(board: Board): void
  onDeleted(boardId: string): void
  /** The copy the Duplicate button made (it also reaches the list through the board-list stream). */
  onDuplicated(copy: Board): void
}

type Mode = 'view' | 'confirm-delete'

/** One board in the list: open it, rename it in place, duplicate it, or delete it (to "Recently deleted") after confirming. */
export function BoardRow({ board, onRenamed, onDeleted, onDuplicated }: BoardRowProps) {
  const [mode, setMode] = useState<Mode>('view')
  const rename = useBoardRename(board.id, board.name, onRenamed)
  const [deleting, setDeleting] = useState(false)
  const [actionError, setActionError] = useState<string>()
  const [duplicating, setDuplicating] = useState(false)
  const busy = deleting || duplicating || rename.busy
  const error = rename.error ?? actionError

  const submitRename = (event: FormEvent) => {
    event.preventDefault()
    void rename.save()
  }

  const duplicate = async () => {
    setDuplicating(true)
    setActionError(undefined)
    try {
      onDuplicated(await duplicateBoard(board.id))
    } catch (e) {
      setActionError(e instanceof ApiError ? e.message : 'The board could not be duplicated.')
    } finally {
      setDuplicating(false)
    }
  }

  const confirmDelete = async () => {
    setDeleting(true)
    setActionError(undefined)
    try {
      await deleteBoard(board.id)
      forgetLocalCopy(board.id)
      onDeleted(board.id)
    } catch (e) {
      setActionError(e instanceof ApiError ? e.message : 'The board could not be deleted.')
    } finally {
      setDeleting(false)
    }
  }

  return (
    <li className="board-row" data-mode={rename.editing ? 'rename' : mode}>
      {rename.editing ? (
        <form className="board-row__rename" onSubmit={submitRename}>
          <input
            className="input"
            aria-label={`New name for ${isolatedName(board.name)}`}
            value={rename.draft}
            maxLength={BOARD_NAME_MAX_LENGTH}
            onChange={(e) => rename.setDraft(e.target.value)}
            onKeyDown={(e) => e.key === 'Escape' && rename.cancel()}
            disabled={busy}
            autoFocus
          />
          <button type="submit" className="button button--primary" disabled={busy}>
            Save
          </button>
          <button type="button" className="button" onClick={rename.cancel} disabled={busy}>
            Cancel
          </button>
        </form>
      ) : (
        <>
          <Link href={`/b/${board.id}`} className="board-row__open">
            <BoardCover url={board.coverUrl} />
            <span className="board-row__text">
              <span className="board-row__name"><bdi>{board.name}</bdi></span>
              <span className="board-row__updated" title={dateTimeText(board.updatedAt)}>
                Updated {relativeTimeText(board.updatedAt)}
                {board.role !== 'owner' && ` · you are ${roleWithArticle(board.role)}`}
              </span>
            </span>
          </Link>
          {mode === 'view' && (
            // Only what the role allows (the server checks it anyway): editors rename, owners delete,
            // anyone who may open the board duplicates it.
            <div className="board-row__actions">
              {canEditDoc(board.role) && (
                <button type="button" className="button button--quiet" onClick={() => {
                  setActionError(undefined)
                  rename.start()
                }}>
                  Rename
                </button>
              )}
              <button
                type="button"
                className="button button--quiet"
                onClick={() => void duplicate()}
                disabled={busy}
              >
                {duplicating ? 'Duplicating…' : 'Duplicate'}
              </button>
              {board.role === 'owner' && (
                <button type="button" className="button button--quiet button--danger" onClick={() => setMode('confirm-delete')}>
                  Delete
                </button>
              )}
            </div>
          )}
        </>
      )}
      {mode === 'confirm-delete' && (
        <BoardRowConfirm
          label={`Delete ${isolatedName(board.name)}?`}
          confirmText="Delete board"
          busyText="Deleting…"
          busy={busy}
          onConfirm={() => void confirmDelete()}
          onCancel={() => setMode('view')}
        >
          Delete <strong><bdi>{board.name}</bdi></strong> for everyone? It closes for everyone on it and moves to Recently deleted, where its owners can restore it.
        </BoardRowConfirm>
      )}
      {error && (
        <p className="form-error board-row__error" role="alert">
          {error}
        </p>
      )}
    </li>
  )
}
