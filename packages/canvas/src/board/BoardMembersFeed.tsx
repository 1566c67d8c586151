import { useContext, useEffect } from 'react'
import { useEditor, useValue } from 'tldraw'
import { listMembers } from '../api/accountsApi'
import { BoardSessionContext } from './BoardSessionContext'
import { setBoardMembers } from './boardMembers'

/**
 * Keeps the board's members (see `boardMembersOf`) as the server has them: loaded when the board
 * opens, again when the server says they changed (someone joined, left or got another role) and
 * when the user's own role changes. A failed load keeps what was known (offline: the last list).
 */
export function BoardMembersFeed() {
  const editor = useEditor()
  const session = useContext(BoardSessionContext)
  const revision = useValue('board members revision', () => session?.membersRevision.get() ?? 0, [session])
  const role = useValue('my board role', () => session?.role.get(), [session])
  const boardId = session?.boardId
  useEffect(() => {
    if (boardId === undefined || session?.options.reviewToken !== undefined) return
    let latest = true
    listMembers(boardId).then(
      (members) => latest && setBoardMembers(editor, members),
      () => {},
    )
    return () => {
      latest = false
    }
  }, [editor, boardId, session, revision, role])
  return null
}
