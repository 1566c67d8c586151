import type { InviteResponse } from '@storyloom/shared/api/accounts'
import { dateTimeText } from '../app/dateTimeText'

/** The board's open invite links (role, expiry) with a way to revoke each. */
export function InviteLinkList({ invites, onRevoke }: { invites: InviteResponse[]; onRevoke(inviteId: string): void }) {
  if (invites.length === 0) return null
  return (
    <section aria-label="Open invite links">
      <h3 className="members-dialog__heading">Open invite links</h3>
      <ul className="members-dialog__list">
        {invites.map((invite) => (
          <li key={invite.id} className="members-dialog__member">
            <span className="members-dialog__who">
              <span>Joins as {invite.role}</span>
              <span className="members-dialog__email">until {dateTimeText(invite.expiresAt)}</span>
            </span>
            <button type="button" className="button button--quiet button--danger" aria-label={`Revoke ${invite.role} invite link`} onClick={() => onRevoke(invite.id)}>
              Revoke
            </button>
          </li>
        ))}
      </ul>
    </section>
  )
}
