import { useCallback, useEffect, useState } from 'react'
import { BOARD_LIST_EVENTS_PATH, boardListEventSchema, boardListEventTypes } from '@storyloom/shared/events/boardListEvents'
import { listBoards, type Board } from '../api/boardsApi'
import { ApiError } from '../api/apiClient'
import { openLiveChannel } from '../api/liveChannel'

export type BoardListState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; boards: Board[] }

const byMostRecent = (a: Board, b: Board) => b.updatedAt.localeCompare(a.updatedAt)

/** Several changes in a burst (a board created and renamed) cost one list request. */
const REFRESH_DELAY_MS = 250

/**
 * The home page's list of boards, with local updates after a rename or delete, kept live by the
 * caller's board-list channel: when a board they see is created, renamed or deleted by anyone,
 * or they join or leave one, the list is read again (and on every reconnect of the channel).
 */
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

  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | null = null
    let reading: AbortController | null = null
    // Quietly: a list on screen stays while it is read again, and stays if that fails.
    const refresh = () => {
      timer ??= setTimeout(() => {
        timer = null
        reading?.abort()
        const abort = new AbortController()
        reading = abort
        listBoards(abort.signal).then(
          (boards) => setState({ status: 'ready', boards: [...boards].sort(byMostRecent) }),
          () => {
            // Offline or the server is restarting: the channel reconnects and reads again.
          },
        )
      }, REFRESH_DELAY_MS)
    }
    const channel = openLiveChannel(BOARD_LIST_EVENTS_PATH, boardListEventTypes, {
      onOpen: refresh,
      onEvent: (data) => {
        if (boardListEventSchema.safeParse(data).success) refresh()
      },
    })
    return () => {
      channel.close()
      reading?.abort()
      if (timer) clearTimeout(timer)
    }
  }, [])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])

  const replace = useCallback((board: Board) => {
    setState((s) =>
      s.status === 'ready'
        ? { status: 'ready', boards: s.boards.map((b) => (b.id === board.id ? board : b)).sort(byMostRecent) }
        : s,
    )
  }, [])

  /** A board this page made (a duplicate): listed at once, before the board-list stream says so. */
  const add = useCallback((board: Board) => {
    setState((s) =>
      s.status === 'ready' && !s.boards.some((b) => b.id === board.id) ? { status: 'ready', boards: [board, ...s.boards].sort(byMostRecent) } : s,
    )
  }, [])

  const remove = useCallback((boardId: string) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', boards: s.boards.filter((b) => b.id !== boardId) } : s))
  }, [])

  return { state, retry, replace, add, remove }
}
