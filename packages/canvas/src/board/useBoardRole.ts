import { useEffect, useState } from 'react'
import { ApiError } from '../api/apiClient'
import { getBoardRole } from '../api/accountsApi'
import type { BoardSession } from '../sync/BoardSession'

/**
 * Asks the server for the user's role on the board and applies it to the session (read-only
 * canvas for viewers and commenters). Returns 'forbidden' when they have no access. Offline, the
 * role stays unknown and the server decides once the connection returns.
 */
export function useBoardRole(session: BoardSession | undefined): 'forbidden' | undefined {
  const [forbidden, setForbidden] = useState(false)
  useEffect(() => {
    if (!session) return
    const abort = new AbortController()
    getBoardRole(session.boardId, abort.signal).then(
      (role) => session.setRole(role),
      (error: unknown) => {
        if (error instanceof ApiError && (error.code === 'board_forbidden' || error.code === 'not_signed_in')) setForbidden(true)
      },
    )
    return () => abort.abort()
  }, [session])
  return forbidden ? 'forbidden' : undefined
}
