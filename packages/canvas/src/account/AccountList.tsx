import { useEffect, useState } from 'react'
import { Link } from 'wouter'
import { passwordResetPath, type AccountResponse, type DeletedAccountResponse } from '@storyloom/shared/api/accounts'
import { ApiError } from '../api/apiClient'
import { createPasswordReset, deleteAccount, listAccounts } from '../api/accountsApi'
import { CopyableLink } from '../app/CopyableLink'
import { dateTimeText } from '../app/dateTimeText'
import { DeleteAccountConfirm } from './DeleteAccountConfirm'

type Deleted = { name: string; boards: DeletedAccountResponse['boardsPassedToAdmin'] }
/** A password reset link just made for an account: shown once, to be copied and sent on. */
type ResetLink = { accountId: string; url: string; expiresAt: string }

function messageOf(error: unknown): string {
  return error instanceof ApiError ? error.message : 'Something went wrong. Try again.'
}

/** What became of a deleted account's boards, in words for the admin. */
function deletedMessage({ name, boards }: Deleted) {
  const passed = boards.length === 0 ? 'No board passed to you: every board it owned has other owners.' : `${boards.length === 1 ? 'This board' : `These ${boards.length} boards`} passed to you: `
  return (
    <>
      Deleted the account of <bdi>{name}</bdi>. {passed}
      {boards.map((board, i) => (
        <span key={board.id}>
          {i > 0 && ', '}
          <Link href={`/b/${board.id}`}>
            <bdi>{board.name}</bdi>
          </Link>
        </span>
      ))}
    </>
  )
}

/**
 * The admin's list of the server's accounts: make a password reset link for anyone but
 * themself (they have Change password), and delete any but their own, after a confirmation naming it.
 */
export function AccountList({ myId }: { myId: string }) {
  const [accounts, setAccounts] = useState<AccountResponse[]>()
  const [loadError, setLoadError] = useState<string>()
  const [confirming, setConfirming] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [deleted, setDeleted] = useState<Deleted>()
  const [resetLink, setResetLink] = useState<ResetLink>()
  // The account whose reset link could not be made, and why.
  const [resetError, setResetError] = useState<{ accountId: string; message: string }>()

  useEffect(() => {
    let current = true
    listAccounts().then(
      (list) => current && setAccounts(list),
      (e: unknown) => current && setLoadError(messageOf(e)),
    )
    return () => {
      current = false
    }
  }, [])

  const remove = async (account: AccountResponse) => {
    setBusy(true)
    setError(undefined)
    try {
      const { boardsPassedToAdmin } = await deleteAccount(account.id)
      setAccounts((list) => list?.filter((a) => a.id !== account.id))
      setDeleted({ name: account.name, boards: boardsPassedToAdmin })
      setConfirming(undefined)
    } catch (e) {
      setError(messageOf(e))
    } finally {
      setBusy(false)
    }
  }

  const makeResetLink = async (account: AccountResponse) => {
    setResetError(undefined)
    try {
      const { token, expiresAt } = await createPasswordReset(account.id)
      setResetLink({ accountId: account.id, url: location.origin + passwordResetPath(token), expiresAt })
    } catch (e) {
      setResetError({ accountId: account.id, message: messageOf(e) })
    }
  }

  return (
    <section aria-labelledby="account-list-title" className="panel account-panel">
      <h2 id="account-list-title" className="account-panel__title">
        Accounts on this server
      </h2>
      {deleted && (
        <p className="account-panel__notice" role="status">
          {deletedMessage(deleted)}
        </p>
      )}
      {loadError && (
        <p className="panel__message panel__message--error" role="alert">
          The accounts could not be loaded. {loadError}
        </p>
      )}
      {!accounts && !loadError && (
        <p className="panel__message" role="status">
          <span className="spinner spinner--small" aria-hidden /> Loading accounts…
        </p>
      )}
      {accounts && (
        <ul className="account-list" aria-label="Accounts">
          {accounts.map((account) => (
            <li key={account.id} className="account-row" aria-label={account.name}>
              <div className="account-row__who">
                <bdi className="account-row__name">{account.name}</bdi>
                <span className="account-row__email">
                  <bdi>{account.email}</bdi>
                  {account.isAdmin && <span className="account-menu__badge">admin</span>}
                  {account.id === myId && ' (you)'}
                </span>
              </div>
              {account.id !== myId && (
                <button type="button" className="button" onClick={() => void makeResetLink(account)}>
                  Reset link
                </button>
              )}
              {!account.isAdmin && account.id !== myId && confirming !== account.id && (
                <button type="button" className="button button--danger" onClick={() => {
                    setConfirming(account.id)
                    setError(undefined)
                  }}>
                  Delete…
                </button>
              )}
              {confirming === account.id && (
                <DeleteAccountConfirm account={account} isMe={false} busy={busy} onConfirm={() => void remove(account)} onCancel={() => setConfirming(undefined)} />
              )}
              {resetLink?.accountId === account.id && (
                <CopyableLink url={resetLink.url} label={`Password reset link for ${account.name}`} className="account-row__reset">
                  <p className="account-row__hint">
                    Works once, until {dateTimeText(resetLink.expiresAt)}. Send it to <bdi>{account.name}</bdi> yourself; it is shown only now. Opening it, they
                    set a new password and every browser signed in to their account is signed out. A new link replaces this one.
                  </p>
                </CopyableLink>
              )}
              {resetError?.accountId === account.id && (
                <p className="form-error account-row__error" role="alert">
                  The reset link could not be made. {resetError.message}
                </p>
              )}
              {confirming === account.id && error && (
                <p className="form-error account-row__error" role="alert">
                  {error}
                </p>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  )
}
