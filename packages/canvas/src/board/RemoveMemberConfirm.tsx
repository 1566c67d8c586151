import type { MemberResponse } from '@storyloom/shared/api/accounts'
import { isolatedName } from '@storyloom/shared/api/typedName'

/** The question asked before a member is taken off the board, naming them. */
export function RemoveMemberConfirm({
  member,
  isMe,
  onConfirm,
  onCancel,
}: {
  member: MemberResponse
  isMe: boolean
  onConfirm(): void
  onCancel(): void
}) {
  return (
    <div className="members-dialog__confirm" role="group" aria-label={`Confirm removing ${isolatedName(member.name)}`}>
      <span>
        {isMe ? (
          'Remove yourself from this board? You lose access at once.'
        ) : (
          <>
            Remove <bdi>{member.name}</bdi> from this board? They lose access at once.
          </>
        )}
      </span>
      <button type="button" className="button button--danger-solid" onClick={onConfirm}>
        Remove
      </button>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
    </div>
  )
}
