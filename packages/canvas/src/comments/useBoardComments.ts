import { useCallback, useEffect, useState } from 'react'
import type { ThreadResponse } from '@storyloom/shared/api/comments'
import { NoticeCode } from '@storyloom/shared/protocol/syncProtocol'
import { listThreads } from '../api/commentsApi'
import type { BoardSession } from '../sync/BoardSession'

/**
 * The board's comment threads, kept live: the server announces every change on the board's
 * sync connection (`comments_changed`), and the list is fetched again.
 */
export function useBoardComments(session: BoardSession) {
  const [threads, setThreads] = useState<ThreadResponse[]>()
  const [failed, setFailed] = useState(false)
  const refresh = useCallback(() => {
    listThreads(session.boardId).then(
      (next) => {
        setThreads(next)
        setFailed(false)
      },
      () => setFailed(true),
    )
  }, [session.boardId])
  useEffect(() => {
    refresh()
    return session.onNotice((notice) => {
      if (notice.code === NoticeCode.commentsChanged) refresh()
    })
  }, [session, refresh])
  return { threads, failed, setThreads }
}
