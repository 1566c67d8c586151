import { useId } from 'react'
import { useValue, type Editor } from 'tldraw'
import { isolatedName } from '@storyloom/shared/api/typedName'
import { assigneeOf, assigneeText, boardMembersOf, formerNumbersOf, initialsOf, presenceColorsOf } from '../../board/boardMembers'
import '../../styles/assignee.css'

/**
 * Who draws a shot, at a glance: their initials on a small round badge in their presence colour
 * (their cursor's, while they are on the board; grey while they are not, or no longer a member).
 * Named "Assigned to Ada" for screen readers (the name isolated in a <bdi>), so a strip card's
 * button can be described by it (`id`).
 */
export function AssigneeBadge({ editor, assigneeId, id, className }: { editor: Editor; assigneeId: string; id?: string; className?: string }) {
  const members = useValue('board members', () => boardMembersOf(editor).get(), [editor])
  const color = useValue('assignee colour', () => presenceColorsOf(editor).get().get(assigneeId) ?? null, [editor, assigneeId])
  const numbers = useValue('former member numbers', () => formerNumbersOf(editor).get(), [editor])
  const textId = useId()
  const assignee = assigneeOf(members, assigneeId, numbers)
  const name = assigneeText(assignee)
  return (
    <span
      id={id}
      className={className ? `assignee-badge ${className}` : 'assignee-badge'}
      role="img"
      aria-labelledby={textId}
      title={`Assigned to ${isolatedName(name)}`}
      data-testid="assignee-badge"
      data-former={assignee.former || undefined}
      data-present={color !== null || undefined}
      style={color === null ? undefined : { backgroundColor: color }}
    >
      <span aria-hidden="true">{assignee.unnamed ? '?' : initialsOf(assignee.name)}</span>
      <span id={textId} className="assignee-badge__name visually-hidden">
        Assigned to <bdi>{name}</bdi>
      </span>
    </span>
  )
}
