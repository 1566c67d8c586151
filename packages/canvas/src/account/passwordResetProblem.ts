import { ApiError } from '../api/apiClient'

/** What the password reset page says when its link sets nothing. */
export interface PasswordResetProblem {
  readonly title: string
  readonly message: string
  /** Trying again may work (the server or the network was at fault, not the link). */
  readonly retry: boolean
}

const ASK_ADMIN = 'Ask the admin of this server for a new one.'

/** Why a reset link is dead, in words that match the cause, and what to do: ask the admin for a new one. */
export function passwordResetProblem(error: unknown): PasswordResetProblem {
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
export const INCOMPLETE_RESET_LINK: PasswordResetProblem = {
  title: 'Reset link not valid',
  message: 'This password reset link is incomplete. Copy the whole link and try again.',
  retry: false,
}
