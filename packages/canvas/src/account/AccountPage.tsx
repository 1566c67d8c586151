import { useState } from 'react'
import { Link } from 'wouter'
import { ApiError } from '../api/apiClient'
import { deleteAccount } from '../api/accountsApi'
import { PageHeader } from '../app/PageHeader'
import { StatusScreen } from '../app/StatusScreen'
import { AccountList } from './AccountList'
import { ChangePasswordForm } from './ChangePasswordForm'
import { DeleteAccountConfirm } from './DeleteAccountConfirm'
import { forgetAllLocalCopies } from './forgetAllLocalCopies'
import { useAccount } from './SessionContext'

/**
 * `/account`: the signed-in person's account, changing its password and deleting it; for the admin, every account of
 * the server (the admin's own cannot be deleted: it owns every board).
 */
export function AccountPage() {
  const { session, refresh } = useAccount()
  const [confirming, setConfirming] = useState(false)
  const [busy, setBusy] = useState(false)
  const [error, setError] = useState<string>()
  const user = session?.user
  if (!user) return <StatusScreen title="No accounts here" message="This server runs in local mode: nobody signs in, so there are no accounts to manage." />

  const deleteMine = async (password: string) => {
    setBusy(true)
    setError(undefined)
    try {
      await deleteAccount(user.id, password)
      await forgetAllLocalCopies()
      await refresh() // signed out: the sign-in page
    } catch (e) {
      setBusy(false)
      setError(!(e instanceof ApiError) ? 'Something went wrong. Try again.' : e.code === 'wrong_password' ? 'Wrong password: your account was not deleted.' : e.message)
    }
  }

  return (
    <div className="home">
      <PageHeader />
      <main className="home__main">
        <section className="home__intro">
          <h1>Account</h1>
          <p>
            Signed in as <bdi>{user.name}</bdi> (<bdi>{user.email}</bdi>). <Link href="/">Back to boards</Link>
          </p>
        </section>
        {user.isAdmin && <AccountList myId={user.id} />}
        <section className="panel account-panel">
          <ChangePasswordForm />
        </section>
        <section aria-labelledby="own-account-title" className="panel account-panel">
          <h2 id="own-account-title" className="account-panel__title">
            Delete your account
          </h2>
          {user.isAdmin ? (
            <p className="account-panel__text">
              You are the admin of this server: your account owns every board and cannot be deleted.
            </p>
          ) : confirming ? (
            <DeleteAccountConfirm account={user} isMe busy={busy} onConfirm={(password = '') => void deleteMine(password)} onCancel={() => setConfirming(false)} />
          ) : (
            <div className="account-panel__text">
              <p>Boards you own alone pass to the admin; nothing on any board is deleted.</p>
              <button type="button" className="button button--danger" onClick={() => setConfirming(true)}>
                Delete my account…
              </button>
            </div>
          )}
          {error && (
            <p className="form-error account-panel__text" role="alert">
              {error}
            </p>
          )}
        </section>
      </main>
    </div>
  )
}
