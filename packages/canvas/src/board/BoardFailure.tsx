import { Link } from 'wouter'
import { forgetAllLocalCopies } from '../account/forgetAllLocalCopies'
import { StatusScreen } from '../app/StatusScreen'
import type { BoardPhase } from '../sync/BoardSession'

type FailureReason = Extract<BoardPhase, { kind: 'failed' }>['reason']

const signedOutMessages = {
  'signed-out': 'Your session ended (you signed out, or it expired). Sign in again to keep working.',
  'password-changed': 'The password of your account was changed in another session. Sign in with the new password to keep working.',
} satisfies Partial<Record<FailureReason, string>>

/** Said where the server refused a board this device holds edits for that it never got. */
const UNSENT_EDITS = {
  'not-found': 'The changes you made while offline were not saved on the server. They are kept in this browser: if one of the board’s owners restores it from Recently deleted, open it again here and they are added to it.',
  forbidden: 'The changes you made while offline were not saved on the server. They are kept in this browser: if an owner gives you access again, open the board here and they are added to it.',
} satisfies Partial<Record<FailureReason, string>>

/**
 * Why a board cannot be shown, and what the user can do about it. `unsentEdits`: this device
 * holds edits made offline that the server never got (see UnsentEdits): the user is told so.
 */
export function BoardFailure({ reason, unsentEdits = false }: { reason: FailureReason; unsentEdits?: boolean }) {
  switch (reason) {
    case 'not-found':
    case 'forbidden': {
      const kept = unsentEdits ? ` ${UNSENT_EDITS[reason]}` : ''
      const [title, message] =
        reason === 'not-found'
          ? ['Board not found', 'This board does not exist, or it was deleted.']
          : ['You don’t have access to this board', 'Ask one of its owners for an invite link. If you had access, an owner may have removed you.']
      return (
        <StatusScreen title={title} message={message + kept}>
          <Link href="/" className="button button--primary">
            Back to boards
          </Link>
          {unsentEdits && (
            <button type="button" className="button" onClick={() => location.reload()}>
              Open it again
            </button>
          )}
        </StatusScreen>
      )
    }
    case 'signed-out':
    case 'password-changed':
      return (
        <StatusScreen title="You were signed out" message={signedOutMessages[reason]}>
          <button type="button" className="button button--primary" onClick={() => location.reload()}>
            Sign in
          </button>
        </StatusScreen>
      )
    case 'account-deleted':
      // Like signing out, this browser forgets its offline board copies.
      return (
        <StatusScreen title="Your account was deleted" message="The admin of this server deleted your account, or you did in another tab. Nothing you made on its boards was removed.">
          <button type="button" className="button button--primary" onClick={() => void forgetAllLocalCopies().finally(() => location.reload())}>
            OK
          </button>
        </StatusScreen>
      )
    case 'upgrade-required':
      return (
        <StatusScreen
          title="Storyloom has been updated"
          message="This board was saved by a newer version of Storyloom. Reload the page to get it."
        >
          <button type="button" className="button button--primary" onClick={() => location.reload()}>
            Reload
          </button>
        </StatusScreen>
      )
    case 'unusable':
      return (
        <StatusScreen title="This board cannot be opened" message="The server sent an empty board. Try again later.">
          <Link href="/" className="button">
            Back to boards
          </Link>
        </StatusScreen>
      )
    case 'outdated':
      // Only review links get it, and the review page opens them again by itself.
      return (
        <StatusScreen title="This presentation was reloaded" message="Reload the page to watch it again.">
          <button type="button" className="button button--primary" onClick={() => location.reload()}>
            Reload
          </button>
        </StatusScreen>
      )
  }
}
