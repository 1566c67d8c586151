import { useCallback, useEffect, useState, type ReactNode } from 'react'
import { useLocation } from 'wouter'
import type { SessionResponse } from '@storyloom/shared/api/accounts'
import { getSession } from '../api/accountsApi'
import { StatusScreen } from '../app/StatusScreen'
import { AuthPage } from './AuthPage'
import { SessionContext } from './SessionContext'

/**
 * Pages people reach before signing in: an invite shows what it opens and offers sign-in there;
 * a password reset link is how someone who forgot their password signs in again.
 */
const OPEN_PATHS = ['/invite', '/reset-password']

/**
 * Asks the server who is signed in before showing anything. With accounts on and nobody signed
 * in, every page but the open ones is the sign-in page; after signing in, the page they asked
 * for appears.
 */
export function SessionGate({ children }: { children: ReactNode }) {
  const [location] = useLocation()
  const [session, setSession] = useState<SessionResponse | undefined | 'loading'>('loading')

  const refresh = useCallback(async () => {
    try {
      setSession(await getSession())
    } catch {
      setSession(undefined) // unreachable: let boards open offline from this device's copy
    }
  }, [])
  useEffect(() => void refresh(), [refresh])

  if (session === 'loading') return <StatusScreen busy title="Loading…" />
  const signedOut = session?.mode === 'accounts' && session.user === null
  return (
    <SessionContext.Provider value={{ session, refresh }}>
      {signedOut && !OPEN_PATHS.includes(location) ? <AuthPage onSignedIn={refresh} /> : children}
    </SessionContext.Provider>
  )
}
