import { ApiError } from '../api/apiClient'
import type { LinkProblem } from './LinkProblemScreen'

/** What the invite page says when an invite cannot be opened or accepted. */
export interface InviteProblem extends LinkProblem {
  /** Signing in may help: a used link still opens its board for the person who used it. */
  readonly signIn?: boolean
}

/**
 * Why an invite failed, in words that match the cause: a bad or expired link is the link's
 * fault; an unreachable server is not, and the link may still be good.
 */
export function inviteProblem(error: unknown): InviteProblem {
  const code = error instanceof ApiError ? error.code : undefined
  switch (code) {
    case 'invite_expired':
      return { title: 'Invite expired', message: 'This invite link has expired. Ask the board’s owner for a new one.', retry: false }
    case 'invite_used':
      return {
        title: 'Invite already used',
        message: 'Someone has already joined with this invite link: each link lets one person in. If it was you, sign in with that account to open the board; otherwise ask the board’s owner for a new link.',
        retry: false,
        signIn: true,
      }
    case 'invite_invalid':
      return { title: 'Invite not valid', message: 'This invite link is not valid: it was revoked, or it is not a Storyloom invite. Ask the board’s owner for a new one.', retry: false }
    case 'unreachable':
      return {
        title: 'Cannot reach the Storyloom server',
        message: 'The invite link may still be good. Check your connection and try again.',
        retry: true,
      }
    default:
      return { title: 'Invite could not be opened', message: 'The invite could not be opened just now. Try again in a moment.', retry: true }
  }
}

/** The problem of a link that is not a whole invite token (cut short when copied). */
export const INCOMPLETE_INVITE: InviteProblem = {
  title: 'Invite not valid',
  message: 'This invite link is incomplete. Copy the whole link and try again.',
  retry: false,
}
