import { useCallback, useEffect, useState } from 'react'
import type { CommentThreadResponse } from '@storyloom/shared/review/comments'
import { ApiError } from '../api/apiClient'
import { listThreads, type CommentsSource } from './reviewApi'

export type ThreadsState = {
  threads: CommentThreadResponse[]
  error: string | undefined
  /** Puts a thread the server just returned in place (before the live revision arrives). */
  update(thread: CommentThreadResponse): void
}

/**
 * The board's comment threads, fetched again whenever the board's review revision changes (the
 * server bumps it in the doc on every comment change, so this is live for everyone).
 */
export function useThreads(source: CommentsSource, revision: number): ThreadsState {
  const [threads, setThreads] = useState<CommentThreadResponse[]>([])
  const [error, setError] = useState<string>()
  const key = source.kind === 'team' ? `team:${source.boardId}` : `review:${source.token}`
  useEffect(() => {
    const controller = new AbortController()
    listThreads(source, controller.signal).then(
      (list) => {
        setThreads(list)
        setError(undefined)
      },
      (cause: unknown) => {
        if (controller.signal.aborted) return
        setError(cause instanceof ApiError ? cause.message : 'Could not load comments.')
      },
    )
    return () => controller.abort()
    // `source` is identified by `key`; a new object for the same source must not refetch.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, revision])
  const update = useCallback((thread: CommentThreadResponse) => {
    setThreads((list) => (list.some((t) => t.id === thread.id) ? list.map((t) => (t.id === thread.id ? thread : t)) : [...list, thread]))
  }, [])
  return { threads, error, update }
}
