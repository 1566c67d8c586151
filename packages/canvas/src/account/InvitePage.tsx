import { useEffect, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { roleWithArticle } from '@storyloom/shared/access/roles'
import { inviteTokenSchema, type InvitePreviewResponse } from '@storyloom/shared/api/accounts'
import { ApiError } from '../api/apiClient'
import { acceptInvite, previewInvite } from '../api/accountsApi'
import { StatusScreen } from '../app/StatusScreen'
import { AuthPage } from './AuthPage'
import { useAccount } from './SessionContext'

type State =
  | { kind: 'loading' }
  | { kind: 'invalid'; message: string }
  | { kind: 'ready'; invite: InvitePreviewResponse }

function problemMessage(error: unknown): string {
  if (error instanceof ApiError && error.code === 'invite_expired') return 'This invite link has expired. Ask the board’s owner for a new one.'
  if (error instanceof ApiError && error.code === 'invite_invalid') return 'This invite link is not valid. It may have been revoked.'
  if (error instanceof ApiError && error.code === 'unreachable') return 'Cannot reach the Storyloom server.'
  return 'The invite could not be opened.'
}

/**
 * `/invite#<token>`: shows which board the link opens and as what; signed in, joins it and
 * opens the board; signed out, signs in or creates an account first.
 */
export function InvitePage() {
  const [, navigate] = useLocation()
  const { session, refresh } = useAccount()
  const [token] = useState(() => decodeURIComponent(location.hash.slice(1)))
  const [state, setState] = useState<State>({ kind: 'loading' })
  const [joining, setJoining] = useState(false)

  useEffect(() => {
    if (!inviteTokenSchema.safeParse(token).success) {
      setState({ kind: 'invalid', message: 'This invite link is incomplete. Copy the whole link and try again.' })
      return
    }
    previewInvite(token).then(
      (invite) => setState({ kind: 'ready', invite }),
      (error: unknown) => setState({ kind: 'invalid', message: problemMessage(error) }),
    )
  }, [token])

  const join = async () => {
    setJoining(true)
    try {
      const { boardId } = await acceptInvite(token)
      navigate(`/b/${boardId}`, { replace: true })
    } catch (error) {
      setState({ kind: 'invalid', message: problemMessage(error) })
    }
  }

  if (state.kind === 'loading') return <StatusScreen busy title="Opening invite…" />
  if (state.kind === 'invalid') {
    return (
      <StatusScreen title="Invite not valid" message={state.message}>
        <Link href="/" className="button">
          Go to Storyloom
        </Link>
      </StatusScreen>
    )
  }
  const { invite } = state
  if (session?.mode === 'accounts' && session.user === null) {
    return <AuthPage title={`Sign in to join “${invite.boardName}”`} onSignedIn={refresh} />
  }
  return (
    <StatusScreen
      title={`Join “${invite.boardName}”`}
      message={`You are invited as ${roleWithArticle(invite.role)}.`}
    >
      <button type="button" className="button button--primary" onClick={() => void join()} disabled={joining}>
        {joining ? 'Joining…' : 'Join board'}
      </button>
    </StatusScreen>
  )
}
