import { useEffect } from 'react'
import { useValue } from 'tldraw'
import { getBoard } from '../api/boardsApi'
import type { BoardSession } from '../sync/BoardSession'

/**
 * The board's name, live: `known` when the page was told it already (a review link's info), else
 * read once from the API; then from the server's notice when anyone renames it (BoardSession keeps
 * it). Undefined until known: offline, or when it cannot be read, a page goes without it.
 */
export function useBoardName(session: BoardSession | undefined, known?: string): string | undefined {
  const name = useValue('board name', () => session?.name.get(), [session])
  useEffect(() => {
    // A review link's page may not read the board from the API: what it was told stands until a rename notice.
    if (!session || known !== undefined) return
    const abort = new AbortController()
    getBoard(session.boardId, abort.signal).then(
      (board) => {
        // A rename notice may have come first; it is the newer name.
        if (session.name.get() === undefined) session.name.set(board.name)
      },
      () => {},
    )
    return () => abort.abort()
  }, [session, known])
  return name ?? known
}
