import { useCallback, useEffect, useState } from 'react'
import { BOARD_LIST_EVENTS_PATH, boardListEventSchema, boardListEventTypes } from '@storyloom/shared/events/boardListEvents'
import { listDeletedBoards, type DeletedBoard } from '../api/boardsApi'
import { ApiError } from '../api/apiClient'
import { openLiveChannel } from '../api/liveChannel'

export type DeletedBoardsState =
  | { status: 'loading' }
  | { status: 'failed'; error: ApiError }
  | { status: 'ready'; boards: DeletedBoard[] }

/**
 * "Recently deleted" on the home page: read when shown, and again whenever the caller's
 * board-list channel says a board they see was deleted or restored (by them elsewhere, or by
 * another owner), so the two lists agree.
 */
export function useDeletedBoards() {
  const [state, setState] = useState<DeletedBoardsState>({ status: 'loading' })
  const [attempt, setAttempt] = useState(0)

  useEffect(() => {
    const abort = new AbortController()
    const read = () =>
      listDeletedBoards(abort.signal).then(
        (boards) => setState({ status: 'ready', boards }),
        (error: unknown) => {
          if (abort.signal.aborted) return
          setState((s) =>
            // A list on screen stays if a later read fails; the first failure is shown.
            s.status === 'ready' ? s : { status: 'failed', error: error instanceof ApiError ? error : new ApiError('bad_response', 'Could not load the deleted boards.', null, { cause: error }) },
          )
        },
      )
    void read()
    const channel = openLiveChannel(BOARD_LIST_EVENTS_PATH, boardListEventTypes, {
      // Events sent while the channel was away are not replayed: read again on every reconnect.
      onOpen: () => void read(),
      onEvent: (data) => {
        const event = boardListEventSchema.safeParse(data)
        if (event.success && (event.data.change === 'deleted' || event.data.change === 'restored' || event.data.change === 'access')) void read()
      },
    })
    return () => {
      abort.abort()
      channel.close()
    }
  }, [attempt])

  const retry = useCallback(() => setAttempt((n) => n + 1), [])
  /** A board this page restored or deleted forever: gone from the list at once. */
  const remove = useCallback((boardId: string) => {
    setState((s) => (s.status === 'ready' ? { status: 'ready', boards: s.boards.filter((b) => b.id !== boardId) } : s))
  }, [])
  return { state, retry, remove }
}
