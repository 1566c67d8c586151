import { useContext } from 'react'
import { useEditor } from 'tldraw'
import { BoardSessionContext } from './BoardSessionContext'
import { setBoardMembers } from './boardMembers'
import { useMemberList } from './useMemberList'

/**
 * Keeps the board's members (see `boardMembersOf`) as the server has them (see useMemberList).
 * A failed load keeps what was known (offline: the last list).
 */
export function BoardMembersFeed() {
  const editor = useEditor()
  const session = useContext(BoardSessionContext)
  useMemberList(session, (members) => setBoardMembers(editor, members), { owner: editor })
  return null
}
