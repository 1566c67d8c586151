import { useState, type FormEvent } from 'react'
import type { AccountResponse } from '@storyloom/shared/api/accounts'
import { isolatedName } from '@storyloom/shared/api/typedName'

/**
 * The question asked before an account is deleted, naming it and saying what happens to what it
 * has. Deleting one's own (`isMe`) asks for its password too, so a laptop left signed in cannot.
 */
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
  /** `password`: the one typed, when deleting one's own account. */
  onConfirm(password?: string): void
  onCancel(): void
}) {
  const [password, setPassword] = useState('')
  const confirm = (event: FormEvent) => {
    event.preventDefault()
    onConfirm(isMe ? password : undefined)
  }
  return (
    <form className="account-row__confirm" role="group" onSubmit={confirm} aria-label={`Confirm deleting ${isolatedName(account.name)}’s account`}>
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
      {isMe && (
        <label className="account-row__password">
          Your password
          <input
            className="input"
            type="password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            autoComplete="current-password"
            required
            autoFocus
          />
        </label>
      )}
      <button type="submit" className="button button--danger-solid" disabled={busy}>
        {busy ? 'Deleting…' : 'Delete account'}
      </button>
      <button type="button" className="button" onClick={onCancel} disabled={busy}>
        Cancel
      </button>
    </form>
  )
}
