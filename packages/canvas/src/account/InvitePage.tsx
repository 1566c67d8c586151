import { useEffect, useState } from 'react'
import { Link, useLocation } from 'wouter'
import { roleAtLeast, roleWithArticle, type BoardRole } from '@storyloom/shared/access/roles'
import { inviteTokenSchema, type InvitePreviewResponse } from '@storyloom/shared/api/accounts'
import { acceptInvite, getBoardRole, previewInvite } from '../api/accountsApi'
import { StatusScreen } from '../app/StatusScreen'
import { AuthPage } from './AuthPage'
import { INCOMPLETE_INVITE, inviteProblem, type InviteProblem } from './inviteProblem'
import { LinkProblemScreen } from './LinkProblemScreen'
import { useAccount } from './SessionContext'
import { isolatedName } from '@storyloom/shared/api/typedName'

type State =
  | { kind: 'loading' }
  | { kind: 'failed'; problem: InviteProblem }
  | { kind: 'ready'; invite: InvitePreviewResponse }

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
  // A used link, signed out: the person asked to sign in (it may have been them).
  const [signingIn, setSigningIn] = useState(false)
  // Bumped by "Try again": opens the invite once more.
  const [attempt, setAttempt] = useState(0)
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

  // Again once someone signs in here: a used link opens its board for the person who used it.
  useEffect(() => {
    if (!inviteTokenSchema.safeParse(token).success) {
      setState({ kind: 'failed', problem: INCOMPLETE_INVITE })
      return
    }
    setState({ kind: 'loading' })
    let current = true
    previewInvite(token).then(
      (invite) => {
        if (!current) return
        // Used, and previewed at all: the caller is already on its board. Nothing to join: go there.
        if (invite.usedAt !== null) navigate(`/b/${invite.boardId}`, { replace: true })
        else setState({ kind: 'ready', invite })
      },
      (error: unknown) => current && setState({ kind: 'failed', problem: inviteProblem(error) }),
    )
    return () => {
      current = false
    }
  }, [token, attempt, userId, navigate])

  const join = async () => {
    setJoining(true)
    try {
      const { boardId } = await acceptInvite(token)
      navigate(`/b/${boardId}`, { replace: true })
    } catch (error) {
      setJoining(false)
      setState({ kind: 'failed', problem: inviteProblem(error) })
    }
  }

  if (state.kind === 'loading') return <StatusScreen busy title="Opening invite…" />
  const signedOut = session?.mode === 'accounts' && session.user === null
  if (state.kind === 'failed') {
    const { problem } = state
    if (signingIn && signedOut) return <AuthPage title="Sign in to open the board you joined" onSignedIn={refresh} />
    return (
      <LinkProblemScreen problem={problem} onRetry={() => setAttempt((n) => n + 1)}>
        {problem.signIn && signedOut && (
          <button type="button" className="button button--primary" onClick={() => setSigningIn(true)}>
            Sign in
          </button>
        )}
      </LinkProblemScreen>
    )
  }
  const { invite } = state
  if (signedOut) {
    // The token goes with a sign-up, which joins the board with it (where sign-up is by
    // invitation, it is also what lets the account be made): the page then opens the board.
    const board = isolatedName(invite.boardName)
    return <AuthPage title={{ signIn: `Sign in to join “${board}”`, signUp: `Create your account to join “${board}”` }} onSignedIn={refresh} inviteToken={token} />
  }
  if (currentRole && roleAtLeast(currentRole, invite.role)) {
    // Joining would change nothing (an invite never lowers a role): say so instead of inviting.
    return (
      <StatusScreen
        title={`You are already on “${isolatedName(invite.boardName)}”`}
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
      title={`Join “${isolatedName(invite.boardName)}”`}
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
