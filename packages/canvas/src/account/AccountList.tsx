import { useEffect, useState } from 'react'
import { Link } from 'wouter'
import type { AccountResponse, DeletedAccountResponse } from '@storyloom/shared/api/accounts'
import { ApiError } from '../api/apiClient'
import { deleteAccount, listAccounts } from '../api/accountsApi'
import { DeleteAccountConfirm } from './DeleteAccountConfirm'

type Deleted = { name: string; boards: DeletedAccountResponse['boardsPassedToAdmin'] }

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

/** The admin's list of the server's accounts: delete any but their own, after a confirmation naming it. */
export function AccountList({ myId }: { myId: string }) {
  const [accounts, setAccounts] = useState<AccountResponse[]>()
  const [loadError, setLoadError] = useState<string>()
  const [confirming, setConfirming] = useState<string>()
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const [deleted, setDeleted] = useState<Deleted>()

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
