import { useEffect, useState } from 'react'
import { useValue } from 'tldraw'
import type { BoardVerdictsResponse } from '@storyloom/shared/review/verdicts'
import { ApiError } from '../../api/apiClient'
import { boardVerdicts } from '../../review/reviewApi'
import type { BoardSession } from '../../sync/BoardSession'

/**
 * The board's current verdicts and its review links' labels (GET …/verdicts), asked again on
 * every verdict given or taken back (the review's verdict revision), so an open report is live.
 * `undefined` until the first answer; `error` says why it could not be had.
 */
export function useBoardVerdicts(session: BoardSession): { data: BoardVerdictsResponse | undefined; error: string | undefined } {
  const revision = useValue('verdict revision', () => session.review.get().verdictRevision, [session])
  const [data, setData] = useState<BoardVerdictsResponse>()
  const [error, setError] = useState<string>()
  useEffect(() => {
    // A newer question supersedes this one: its late answer must not win.
    const controller = new AbortController()
    boardVerdicts(session.boardId, controller.signal).then(
      (answer) => {
        if (controller.signal.aborted) return
        setData(answer)
        setError(undefined)
      },
      (cause: unknown) => {
        if (!controller.signal.aborted) setError(cause instanceof ApiError ? cause.message : 'Could not load the verdicts.')
      },
    )
    return () => controller.abort()
  }, [session, revision])
  return { data, error }
}
