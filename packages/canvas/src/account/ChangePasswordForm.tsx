import { useState } from 'react'
import { ApiError } from '../api/apiClient'
import { changePassword } from '../api/accountsApi'
import { useFormSubmit } from '../app/useFormSubmit'
import { checkSamePasswords, MismatchError, NewPasswordFields } from './NewPasswordFields'

/** What went wrong, in words for the person at the form. */
function messageFor(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.'
  if (error.code === 'unreachable') return 'Cannot reach the Storyloom server.'
  if (error.code === 'wrong_password') return 'Wrong current password: your password was not changed.'
  return error.message
}

/**
 * "Change password" on the Account page: the current password, and the new one twice (the two
 * must match before anything is sent). Once changed, the person's other sessions are signed out
 * by the server; this one stays, and the form clears and says so.
 */
export function ChangePasswordForm() {
  const [current, setCurrent] = useState('')
  const [next, setNext] = useState('')
  const [repeated, setRepeated] = useState('')
  const [done, setDone] = useState(false)
  const { busy, error, submit } = useFormSubmit(async () => {
    setDone(false)
    checkSamePasswords(next, repeated)
    await changePassword(current, next)
    setCurrent('')
    setNext('')
    setRepeated('')
    setDone(true)
  }, (e) => (e instanceof MismatchError ? e.message : messageFor(e)), { reusable: true })
  return (
    <form className="account-password" onSubmit={submit} aria-labelledby="change-password-title">
      <h2 id="change-password-title" className="account-panel__title">
        Change password
      </h2>
      <p className="account-password__hint">Your other devices and browsers are signed out; this one stays signed in.</p>
      <label className="auth-page__field">
        Current password
        <input className="input" type="password" value={current} onChange={(e) => setCurrent(e.target.value)} autoComplete="current-password" required />
      </label>
      <NewPasswordFields next={next} repeated={repeated} onNext={setNext} onRepeated={setRepeated} />
      {error && (
        <p className="form-error" role="alert">
          {error}
        </p>
      )}
      {done && !error && (
        <p className="account-password__done" role="status">
          Password changed. Your other sessions were signed out.
        </p>
      )}
      <div>
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'Changing…' : 'Change password'}
        </button>
      </div>
    </form>
  )
}
