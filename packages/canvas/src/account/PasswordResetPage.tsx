import { useEffect, useState } from 'react'
import { useLocation } from 'wouter'
import { passwordResetTokenRequestSchema, type PasswordResetPreviewResponse } from '@storyloom/shared/api/accounts'
import { previewPasswordReset, resetPassword } from '../api/accountsApi'
import { StatusScreen } from '../app/StatusScreen'
import { useFormSubmit } from '../app/useFormSubmit'
import { checkSamePasswords, MismatchError, NewPasswordFields } from './NewPasswordFields'
import { LinkProblemScreen, type LinkProblem } from './LinkProblemScreen'
import { INCOMPLETE_RESET_LINK, passwordResetProblem } from './passwordResetProblem'
import { useAccount } from './SessionContext'
import { Brand } from '../app/Brand'

type State = { kind: 'loading' } | { kind: 'failed'; problem: LinkProblem } | { kind: 'ready'; reset: PasswordResetPreviewResponse }

/**
 * `/reset-password#<token>`, a password reset link the admin made: says whose password it sets
 * (or why it sets nothing) before asking for anything, then takes the new password twice. Set,
 * the person is signed in (every other session of the account ended) and goes to their boards.
 */
export function PasswordResetPage() {
  const [, navigate] = useLocation()
  const { session, refresh } = useAccount()
  // The token sits in the fragment, as an invite link's: browsers never send it to servers or in Referer.
  const [token] = useState(() => decodeURIComponent(location.hash.slice(1)))
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [attempt, setAttempt] = useState(0)
  const [next, setNext] = useState('')
  const [repeated, setRepeated] = useState('')

  useEffect(() => {
    if (!passwordResetTokenRequestSchema.shape.token.safeParse(token).success) {
      setState({ kind: 'failed', problem: INCOMPLETE_RESET_LINK })
      return
    }
    setState({ kind: 'loading' })
    let current = true
    previewPasswordReset(token).then(
      (reset) => current && setState({ kind: 'ready', reset }),
      (error: unknown) => current && setState({ kind: 'failed', problem: passwordResetProblem(error) }),
    )
    return () => {
      current = false
    }
  }, [token, attempt])

  const { busy, error, submit } = useFormSubmit(async () => {
    checkSamePasswords(next, repeated)
    try {
      await resetPassword(token, next)
    } catch (e) {
      const problem = passwordResetProblem(e)
      // The link died meanwhile (used or replaced): say so in place of the form.
      if (!problem.retry) setState({ kind: 'failed', problem })
      throw e
    }
    await refresh()
    navigate('/', { replace: true })
  }, (e) => (e instanceof MismatchError ? e.message : passwordResetProblem(e).message))

  if (state.kind === 'loading') return <StatusScreen busy title="Opening reset link…" />
  if (state.kind === 'failed') {
    return <LinkProblemScreen problem={state.problem} onRetry={() => setAttempt((n) => n + 1)} />
  }
  const { reset } = state
  const signedInAs = session?.user
  return (
    <main className="auth-page">
      <form className="auth-page__card" onSubmit={submit} aria-labelledby="reset-title">
        <Brand />
        <h1 id="reset-title">
          Set a new password for <bdi>{reset.email}</bdi>
        </h1>
        <p className="auth-page__hint">
          Every browser signed in to this account is signed out; this one is signed in with the new password.
        </p>
        {signedInAs && signedInAs.email !== reset.email && (
          // Most often the admin trying the link they just made: it would take them out of their own account.
          <p className="auth-page__hint" role="note">
            You are signed in here as <bdi>{signedInAs.email}</bdi>: setting this password signs this browser in as{' '}
            <bdi>{reset.email}</bdi> instead. To keep your account here, send the link to its owner.
          </p>
        )}
        <NewPasswordFields next={next} repeated={repeated} onNext={setNext} onRepeated={setRepeated} />
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        <button type="submit" className="button button--primary" disabled={busy}>
          {busy ? 'One moment…' : 'Set password'}
        </button>
      </form>
    </main>
  )
}
