import { useValue } from 'tldraw'
import { canEditDoc } from '@storyloom/shared/access/roles'
import { useBoardSession } from './BoardSessionContext'

/**
 * Says, for as long as it is so, that this person cannot change the board: "View only" for a
 * viewer, "Comment only" for a commenter (their canvas is read-only, which otherwise shows only
 * as tools that do nothing). It follows role changes live; the toast announces the change, so this
 * label is plain text, named by its words and explained by its title.
 */
export function ViewOnlyBadge() {
  const session = useBoardSession()
  const role = useValue('my board role', () => session.role.get(), [session])
  if (!role || canEditDoc(role)) return null
  const commenter = role === 'commenter'
  return (
    <span
      className="view-only-badge"
      data-testid="view-only-badge"
      title={
        commenter
          ? 'You are a commenter on this board: you can read and comment, not change it. An owner can make you an editor.'
          : 'You are a viewer on this board: you can look, not change it. An owner can make you an editor.'
      }
    >
      {commenter ? 'Comment only' : 'View only'}
    </span>
  )
}
