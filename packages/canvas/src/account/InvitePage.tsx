import { useEffect, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { roleAtLeast, roleWithArticle, type BoardRole } from '@storyloom/shared/access/roles'
import { inviteTokenSchema, type InvitePreviewResponse } from '@storyloom/shared/api/accounts'
import { ApiError } from '../api/apiClient'
import { acceptInvite, getBoardRole, previewInvite } from '../api/accountsApi'
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
  // The role the signed-in person already has on the invite's board (null: not a member).
  const [currentRole, setCurrentRole] = useState<BoardRole | null>()
  const boardId = state.kind === 'ready' ? state.invite.boardId : undefined
  const userId = session?.user?.id

  useEffect(() => {
    setCurrentRole(undefined)
    if (boardId === undefined || userId === undefined) return
    const abort = new AbortController()
    getBoardRole(boardId, abort.signal).then(setCurrentRole, () => {
      if (!abort.signal.aborted) setCurrentRole(null)
    })
    return () => abort.abort()
  }, [boardId, userId])

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
  if (currentRole && roleAtLeast(currentRole, invite.role)) {
    // Joining would change nothing (an invite never lowers a role): say so instead of inviting.
    return (
      <StatusScreen
        title={`You are already on “${invite.boardName}”`}
        message={`You are ${roleWithArticle(currentRole)} on this board; this link is for ${roleWithArticle(invite.role)}.`}
      >
        <Link href={`/b/${invite.boardId}`} className="button button--primary">
          Open board
        </Link>
      </StatusScreen>
    )
  }
  return (
    <StatusScreen
      title={`Join “${invite.boardName}”`}
      message={
        currentRole
          ? `You are invited as ${roleWithArticle(invite.role)} (you are ${roleWithArticle(currentRole)} on this board now).`
          : `You are invited as ${roleWithArticle(invite.role)}.`
      }
    >
      <button type="button" className="button button--primary" onClick={() => void join()} disabled={joining}>
        {joining ? 'Joining…' : 'Join board'}
      </button>
    </StatusScreen>
  )
}
