import { useState } from 'react'
import { PASSWORD_MIN_LENGTH, SIGN_UP_BY_INVITATION } from '@storyloom/shared/api/accounts'
import { ApiError } from '../api/apiClient'
import { signIn, signUp } from '../api/accountsApi'
import { useFormSubmit } from '../app/useFormSubmit'
import { useAccount } from './SessionContext'
import { Brand } from '../app/Brand'

type Mode = 'sign-in' | 'sign-up'

/** What went wrong, in words for the person at the form. */
function messageFor(error: unknown): string {
  if (!(error instanceof ApiError)) return 'Something went wrong. Try again.'
  if (error.code === 'unreachable') return 'Cannot reach the Storyloom server.'
  if (error.code === 'invalid_credentials') return 'Wrong email or password.'
  return error.message
}

/**
 * Sign in, or create an account (the first one on a new server becomes its admin). `title`
 * says why, e.g. on an invite page (one for signing in, one for signing up). `inviteToken`: the
 * invite link the page is on, sent with a sign-up (it joins the account to its board; where
 * sign-up is by invitation, only such a sign-up creates an account).
 */
export function AuthPage({
  onSignedIn,
  title,
  inviteToken,
}: {
  onSignedIn: () => Promise<void> | void
  title?: string | { signIn: string; signUp: string }
  inviteToken?: string
}) {
  const { session } = useAccount()
  const [mode, setMode] = useState<Mode>('sign-in')
  const [name, setName] = useState('')
  const [email, setEmail] = useState('')
  const [password, setPassword] = useState('')
  const { busy, error, setError, submit } = useFormSubmit(async () => {
    if (mode === 'sign-in') await signIn(email, password)
    else await signUp(name, email, password, inviteToken)
    await onSignedIn()
  }, messageFor)

  const signingUp = mode === 'sign-up'
  // No form that can only fail: without an invite link, say how to get an account instead.
  const byInvitation = signingUp && session?.signUp === 'invite' && inviteToken === undefined
  const heading = byInvitation
    ? 'Sign-up is by invitation'
    : typeof title === 'object'
      ? signingUp ? title.signUp : title.signIn
      : (title ?? (signingUp ? 'Create your account' : 'Sign in'))
  return (
    <main className="auth-page">
      <form className="auth-page__card" onSubmit={submit} aria-labelledby="auth-title">
        <Brand />
        <h1 id="auth-title">{heading}</h1>
        {byInvitation && <p className="auth-page__hint">{SIGN_UP_BY_INVITATION}</p>}
        {signingUp && session?.signUp === 'invite' && inviteToken !== undefined && (
          <p className="auth-page__hint">Sign-up here is by invitation: this invite link lets you create your account.</p>
        )}
        {signingUp && !byInvitation && (
          <label className="auth-page__field">
            Your name
            <input className="input" value={name} onChange={(e) => setName(e.target.value)} autoComplete="name" required />
          </label>
        )}
        {!byInvitation && (
          <>
            <label className="auth-page__field">
              Email
              <input className="input" type="email" value={email} onChange={(e) => setEmail(e.target.value)} autoComplete="email" required />
            </label>
            <label className="auth-page__field">
              Password
              <input
                className="input"
                type="password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
                autoComplete={signingUp ? 'new-password' : 'current-password'}
                minLength={signingUp ? PASSWORD_MIN_LENGTH : undefined}
                required
              />
              {signingUp && <span className="auth-page__hint">At least {PASSWORD_MIN_LENGTH} characters.</span>}
            </label>
            {error && (
              <p className="form-error" role="alert">
                {error}
              </p>
            )}
            <button type="submit" className="button button--primary" disabled={busy}>
              {busy ? 'One moment…' : signingUp ? 'Create account' : 'Sign in'}
            </button>
          </>
        )}
        <p className="auth-page__switch">
          {signingUp ? 'Already have an account?' : 'New here?'}{' '}
          <button
            type="button"
            className="button button--quiet"
            onClick={() => {
              setMode(signingUp ? 'sign-in' : 'sign-up')
              setError(undefined)
            }}
          >
            {signingUp ? 'Sign in' : 'Create an account'}
          </button>
        </p>
      </form>
    </main>
  )
}
