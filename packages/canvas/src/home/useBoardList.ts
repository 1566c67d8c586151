import { useCallback, useEffect, useState } from 'react'
import { listBoards, type Board } from '../api/boardsApi'
import { ApiError } from '../api/apiClient'

export type BoardListState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; boards: Board[] }

const byMostRecent = (a: Board, b: Board) => b.updatedAt.localeCompare(a.updatedAt)

/** The home page's list of boards, with local updates after a rename or delete. */
export function useBoardList() {
  const [state, setState] = useState<BoardListState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    setState({ status: 'loading' })
    listBoards(abort.signal).then(
      (boards) => setState({ status: 'ready', boards: [...boards].sort(byMostRecent) }),
      (error: unknown) => {
        if (abort.signal.aborted) return
        const apiError =
          error instanceof ApiError ? error : new ApiError('bad_response', 'Could not load the boards.', null, { cause: error })
        setState({ status: 'failed', error: apiError })
      },
    )
    return () => abort.abort()
  }, [attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  const replace = useCallback((board: Board) => {
    setState((s) =>
      s.status === 'ready'
        ? { status: 'ready', boards: s.boards.map((b) => (b.id === board.id ? board : b)).sort(byMostRecent) }
        : s,
    )
  }, [])

  const remove = useCallback((boardId: string) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', boards: s.boards.filter((b) => b.id !== boardId) } : s))
  }, [])

  return { state, retry, replace, remove }
}
