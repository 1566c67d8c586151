import type { Board } from '../api/boardsApi'
import { DeletedBoardRow } from './DeletedBoardRow'
import { useDeletedBoards } from './useDeletedBoards'

/** The home page's "Recently deleted" tab: the deleted boards the person may bring back. */
export function RecentlyDeleted({ onRestored }: { onRestored(board: Board): void }) {
  const { state, retry, remove } = useDeletedBoards()
  if (state.status === 'loading') {
    return (
      <p className="panel__message" role="status">
        <span className="spinner spinner--small" aria-hidden /> Loading deleted boards…
      </p>
    )
  }
  if (state.status === 'failed') {
    return (
      <div className="panel__message panel__message--error" role="alert">
        <p>
          <strong>The deleted boards could not be loaded.</strong> {state.error.message}
        </p>
        <button type="button" className="button" onClick={retry}>
          Try again
        </button>
      </div>
    )
  }
  if (state.boards.length === 0) return <p className="panel__message">No recently deleted boards. Deleted boards stay here for a while, to be restored.</p>
  return (
    <ul className="board-list" aria-label="Recently deleted boards">
      {state.boards.map((board) => (
        <DeletedBoardRow
          key={board.id}
          board={board}
          onRestored={(restored) => {
            remove(board.id)
            onRestored(restored)
          }}
          onDeletedForever={remove}
        />
      ))}
    </ul>
  )
}
