import { useState } from 'react'
import type { BoardSession } from '../sync/BoardSession'
import { NO_MEMBERS, withMemberList, type BoardMembers } from './boardMembers'
import { useMemberList } from './useMemberList'

/**
 * The board's members for a page without a canvas (Print), kept as the server has them (see
 * useMemberList): undefined until the first list is in; none if it could not be loaded (shots
 * then name their people as the canvas does offline, "Former member").
 */
export function useBoardMembers(session: BoardSession): BoardMembers | undefined {
  const [members, setMembers] = useState<BoardMembers>()
  useMemberList(session, (list) => setMembers((known) => withMemberList(known ?? NO_MEMBERS, list)), {
    onFailure: () => setMembers((known) => known ?? NO_MEMBERS),
  })
  return members
}
