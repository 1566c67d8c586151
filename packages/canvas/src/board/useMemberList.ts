import { useEffect, useRef } from 'react'
import { useValue } from 'tldraw'
import type { MemberResponse } from '@storyloom/shared/api/accounts'
import { listMembers } from '../api/accountsApi'
import type { BoardSession } from '../sync/BoardSession'

/**
 * Loads the board's member list (GET /api/boards/:id/members) when the board opens, again when
 * the server says its members changed (someone joined, left or got another role) and when the
 * user's own role changes, and hands each list to `onList`; `onFailure` hears of a load that
 * failed (offline). A new `owner` (the editor the list is kept for) loads it afresh. A review
 * link's session loads none: a client is not told who is on the team.
 */
export function useMemberList(
  session: BoardSession | null | undefined,
  onList: (list: MemberResponse[]) => void,
  { onFailure, owner }: { onFailure?: () => void; owner?: unknown } = {},
): void {
  const handlers = useRef({ onList, onFailure })
  handlers.current = { onList, onFailure }
  const revision = useValue('board members revision', () => session?.membersRevision.get() ?? 0, [session])
  const role = useValue('my board role', () => session?.role.get(), [session])
  const boardId = session?.boardId
  const review = session?.options.reviewToken !== undefined
  useEffect(() => {
    if (boardId === undefined || review) return
    let latest = true
    listMembers(boardId).then(
      (members) => latest && handlers.current.onList(members),
      () => latest && handlers.current.onFailure?.(),
    )
    return () => {
      latest = false
    }
  }, [boardId, review, revision, role, owner])
}
