import { useEditor, useValue, type TLShapeId } from 'tldraw'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { assignableMembers, assigneeOf, assigneeText, boardMembersOf, formerNumbersOf, type BoardMembers } from '../../board/boardMembers'
import { assignShots } from './assignShots'

/** The select's value for several shots assigned to different people (no account id has a colon). */
const MIXED = 'mixed:'

/**
 * The inspector's **Assigned to** picker for one or more selected shots: Nobody, and the members
 * who can edit the board, by name. Several shots assigned to different people show "Several
 * people" until one is picked for all of them (one undo step). Someone assigned who can no longer
 * be picked (a viewer now, or no longer a member) stays listed, as the board shows them, so the
 * picker says who it is. Disabled on a read-only board (viewers normally get no inspector at all:
 * they see who draws a shot on its badge).
 */
export function AssigneeField({ shots }: { shots: readonly TLShotShape[] }) {
  const editor = useEditor()
  const members = useValue('board members', () => boardMembersOf(editor).get(), [editor])
  const numbers = useValue('former member numbers', () => formerNumbersOf(editor).get(), [editor])
  const readonly = useValue('read-only', () => editor.getIsReadonly(), [editor])
  const ids = [...new Set(shots.map((s) => s.props.assigneeId))]
  if (!offersAssignee(members, shots)) return null
  const value = ids.length === 1 ? (ids[0] ?? '') : MIXED
  const options = assignableMembers(members).map((m) => ({ id: m.userId, label: m.name }))
  for (const id of ids) {
    if (id !== null && !options.some((o) => o.id === id)) options.push({ id, label: assigneeText(assigneeOf(members, id, numbers)) })
  }
  return (
    <div className="shot-inspector__field">
      <label className="shot-inspector__control">
        <span className="shot-inspector__label">Assigned to</span>
        <select
          value={value}
          disabled={readonly}
          data-testid="shot-assignee"
          onChange={(e) => {
            const picked = e.currentTarget.value
            if (picked === MIXED) return
            assignShots(editor, shots.map((s) => s.id as TLShapeId), picked || null)
          }}
        >
          {value === MIXED && (
            <option value={MIXED} disabled>
              Several people
            </option>
          )}
          <option value="">Nobody</option>
          {options.map((o) => (
            <option key={o.id} value={o.id} dir="auto">
              {o.label}
            </option>
          ))}
        </select>
      </label>
    </div>
  )
}

/**
 * Whether the inspector offers **Assigned to** for `shots`: on a board with members (not in
 * local mode, which has no accounts to assign), or where one of them is assigned already.
 */
export function offersAssignee(members: BoardMembers, shots: readonly TLShotShape[]): boolean {
  return members.members.size > 0 || shots.some((s) => s.props.assigneeId !== null)
}
