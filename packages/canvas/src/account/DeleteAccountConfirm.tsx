import type { AccountResponse } from '@storyloom/shared/api/accounts'
import { isolatedName } from '@storyloom/shared/api/typedName'

/** The question asked before an account is deleted, naming it and saying what happens to what it has. */
export function DeleteAccountConfirm({
  account,
  isMe,
  busy,
  onConfirm,
  onCancel,
}: {
  account: Pick<AccountResponse, 'name' | 'email'>
  isMe: boolean
  busy: boolean
  onConfirm(): void
  onCancel(): void
}) {
  return (
    <div className="account-row__confirm" role="group" aria-label={`Confirm deleting ${isolatedName(account.name)}’s account`}>
      <span>
        {isMe ? (
          'Delete your account? You are signed out everywhere at once and cannot sign in again. '
        ) : (
          <>
            Delete the account of <bdi>{account.name}</bdi> (<bdi>{account.email}</bdi>)? They are signed out at once and cannot sign in
            again.{' '}
          </>
        )}
        Boards {isMe ? 'you' : 'they'} own alone pass to the admin; nothing on any board is deleted, and comments keep{' '}
        {isMe ? 'your' : 'their'} name.
      </span>
      <button type="button" className="button button--danger-solid" onClick={onConfirm} disabled={busy}>
        {busy ? 'Deleting…' : 'Delete account'}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </div>
  )
}
