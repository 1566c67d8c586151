import { ApiError } from '../api/apiClient'
import type { LinkProblem } from './LinkProblemScreen'


const ASK_ADMIN = 'Ask the admin of this server for a new one.'

/** Why a reset link is dead, in words that match the cause, and what to do: ask the admin for a new one. */
export function passwordResetProblem(error: unknown): LinkProblem {
  const code = error instanceof ApiError ? error.code : undefined
  switch (code) {
    case 'password_reset_used':
      return { title: 'Reset link already used', message: `This password reset link was already used: each link works once. ${ASK_ADMIN}`, retry: false }
    case 'password_reset_expired':
      return { title: 'Reset link expired', message: `This password reset link has expired (each works for 24 hours). ${ASK_ADMIN}`, retry: false }
    case 'password_reset_invalid':
      return {
        title: 'Reset link not valid',
        message: `This password reset link is not valid: a newer link was made for the account, the account was deleted, or it is not a Storyloom link. ${ASK_ADMIN}`,
        retry: false,
      }
    case 'rate_limited':
      return { title: 'Too many attempts', message: (error as ApiError).message, retry: true }
    case 'unreachable':
      return { title: 'Cannot reach the Storyloom server', message: 'The reset link may still be good. Check your connection and try again.', retry: true }
    default:
      return { title: 'Reset link could not be opened', message: error instanceof ApiError ? error.message : 'Something went wrong. Try again in a moment.', retry: true }
  }
}

/** The problem of a link that is not a whole reset token (cut short when copied). */
export const INCOMPLETE_RESET_LINK: LinkProblem = {
  title: 'Reset link not valid',
  message: 'This password reset link is incomplete. Copy the whole link and try again.',
  retry: false,
}
