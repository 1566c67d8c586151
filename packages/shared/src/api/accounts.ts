import { z } from 'zod'
import { boardRoleSchema } from '../access/roles'
import { boardIdSchema } from './boards'
import { typedNameSchema } from './typedName'

export const PASSWORD_MIN_LENGTH = 10
/** Long enough for any passphrase, short enough that hashing it is no denial of service. */
export const PASSWORD_MAX_LENGTH = 256
export const USER_NAME_MAX_LENGTH = 80
/** The longest address SMTP allows. */
export const EMAIL_MAX_LENGTH = 254

/** An email address, compared case-insensitively (stored lower-cased). */
export const emailSchema = z.string().trim().max(EMAIL_MAX_LENGTH).pipe(z.email('not a valid email address')).transform((e) => e.toLowerCase())
export const passwordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `password must be at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(PASSWORD_MAX_LENGTH, `password must be at most ${PASSWORD_MAX_LENGTH} characters`)
export const userNameSchema = typedNameSchema(USER_NAME_MAX_LENGTH, {
  empty: 'name must not be empty',
  tooLong: `name must be at most ${USER_NAME_MAX_LENGTH} characters`,
})

/** The secret token of a link (an invite, a password reset): 32 random bytes as base64url. */
const linkTokenSchema = (what: string) => z.string().regex(/^[A-Za-z0-9_-]{43}$/, `not a valid ${what} token`)

/** Invite tokens: 32 random bytes as base64url. */
export const inviteTokenSchema = linkTokenSchema('invite')

/**
 * Body of POST /api/auth/sign-up. `inviteToken`: the invite link the person signs up from; where
 * sign-up is by invitation, the account is only created with one that is unused, and joins its board.
 */
export const signUpRequestSchema = z.object({ email: emailSchema, password: passwordSchema, name: userNameSchema, inviteToken: inviteTokenSchema.optional() })
export type SignUpRequest = z.input<typeof signUpRequestSchema>

/** Why a sign-up without an invite link is refused where sign-up is by invitation (STORYLOOM_SIGNUP=invite). */
export const SIGN_UP_BY_INVITATION = 'Sign-up here is by invitation: ask a board owner for an invite link.'

/** Body of POST /api/auth/sign-in. The password is only checked, never re-validated against today's rules. */
export const signInRequestSchema = z.object({ email: emailSchema, password: z.string().min(1).max(PASSWORD_MAX_LENGTH) })
export type SignInRequest = z.input<typeof signInRequestSchema>

/** The password typed to confirm a change of one's own account: only checked, never re-validated against today's rules. */
const currentPasswordSchema = z.string().min(1, 'type your current password').max(PASSWORD_MAX_LENGTH)

/** Body of POST /api/auth/password: the current password, and the new one (held to the sign-up rules). */
export const changePasswordRequestSchema = z.object({ currentPassword: currentPasswordSchema, newPassword: passwordSchema })
export type ChangePasswordRequest = z.input<typeof changePasswordRequestSchema>

/** How long a password reset link works. */
export const PASSWORD_RESET_HOURS = 24

/** Answer to POST /api/accounts/:userId/password-reset: the link's secret token, shown once. The link is `/reset-password#<token>`. */
export const createdPasswordResetResponseSchema = z.object({ token: z.string(), expiresAt: z.iso.datetime() })
export type CreatedPasswordResetResponse = z.infer<typeof createdPasswordResetResponseSchema>

/** The in-app path of a password reset link: the token in the fragment, as an invite link's. */
export function passwordResetPath(token: string): string {
  return `/reset-password#${token}`
}

/** Body of POST /api/auth/password-reset/preview (the token in the body, never in a URL). */
export const passwordResetTokenRequestSchema = z.object({ token: linkTokenSchema('password reset') })

/** Whose password a reset link sets, shown before asking for the new one. */
export const passwordResetPreviewResponseSchema = z.object({ email: z.string(), name: z.string(), expiresAt: z.iso.datetime() })
export type PasswordResetPreviewResponse = z.infer<typeof passwordResetPreviewResponseSchema>

/** Body of POST /api/auth/password-reset: the link's token and the new password (held to the sign-up rules). */
export const passwordResetRequestSchema = passwordResetTokenRequestSchema.extend({ newPassword: passwordSchema })
export type PasswordResetRequest = z.input<typeof passwordResetRequestSchema>

/** A signed-in person as the API shows them. */
export const userResponseSchema = z.object({
  id: z.string(),
  email: z.string(),
  name: z.string(),
  /** The instance's admin: the first account; owner of every board. */
  isAdmin: z.boolean(),
})
export type UserResponse = z.infer<typeof userResponseSchema>

/**
 * Body of GET /api/session. `mode` is `local` when the server listens on localhost only and
 * nobody signs in (everyone who can reach it owns every board), `accounts` otherwise.
 */
export const sessionResponseSchema = z.object({
  mode: z.enum(['local', 'accounts']),
  user: userResponseSchema.nullable(),
  /**
   * Who may create an account now: `open`, anyone; `invite`, only from an invite link
   * (STORYLOOM_SIGNUP=invite once the first account exists).
   */
  signUp: z.enum(['open', 'invite']),
})
export type SessionResponse = z.infer<typeof sessionResponseSchema>

/** An account as the admin sees it in the list of the server's accounts (GET /api/accounts). */
export const accountResponseSchema = userResponseSchema.extend({ createdAt: z.iso.datetime() })
export type AccountResponse = z.infer<typeof accountResponseSchema>
export const accountListResponseSchema = z.object({ accounts: z.array(accountResponseSchema) })
export type AccountListResponse = z.infer<typeof accountListResponseSchema>

/**
 * Body of DELETE /api/accounts/:userId. `password`: the caller's own, needed to delete one's own
 * account (a laptop left signed in cannot delete it); not needed by the admin deleting someone else's.
 */
export const deleteAccountRequestSchema = z.object({ password: currentPasswordSchema.optional() })
export type DeleteAccountRequest = z.input<typeof deleteAccountRequestSchema>

/**
 * Answer to DELETE /api/accounts/:userId: the boards the account owned alone, which passed to
 * the admin (boards with other owners stay with them; no board is deleted).
 */
export const deletedAccountResponseSchema = z.object({ boardsPassedToAdmin: z.array(z.object({ id: boardIdSchema, name: z.string() })) })
export type DeletedAccountResponse = z.infer<typeof deletedAccountResponseSchema>

/** Body of GET /api/boards/:boardId/access: what the caller may do on the board. */
export const boardAccessResponseSchema = z.object({ role: boardRoleSchema })
export type BoardAccessResponse = z.infer<typeof boardAccessResponseSchema>

/** One member of a board. */
export const memberResponseSchema = z.object({
  userId: z.string(),
  name: z.string(),
  email: z.string(),
  role: boardRoleSchema,
})
export type MemberResponse = z.infer<typeof memberResponseSchema>
export const memberListResponseSchema = z.object({ members: z.array(memberResponseSchema) })
export type MemberListResponse = z.infer<typeof memberListResponseSchema>

/** Body of PATCH /api/boards/:boardId/members/:userId. */
export const changeRoleRequestSchema = z.object({ role: boardRoleSchema })

export const INVITE_MAX_HOURS = 24 * 30
/** Body of POST /api/boards/:boardId/invites. */
export const createInviteRequestSchema = z.object({
  role: boardRoleSchema,
  /** How long the link works; 7 days when left out. */
  expiresInHours: z.number().int().min(1).max(INVITE_MAX_HOURS).default(24 * 7),
})
export type CreateInviteRequest = z.input<typeof createInviteRequestSchema>

/** An invite link as its board's owners see it. The token itself is only ever shown once, at creation. */
export const inviteResponseSchema = z.object({
  id: z.string(),
  role: boardRoleSchema,
  expiresAt: z.iso.datetime(),
  createdAt: z.iso.datetime(),
})
export type InviteResponse = z.infer<typeof inviteResponseSchema>
export const inviteListResponseSchema = z.object({ invites: z.array(inviteResponseSchema) })

/** Answer to creating an invite: the secret token, once. The link is `/invite#<token>`. */
export const createdInviteResponseSchema = inviteResponseSchema.extend({ token: z.string() })
export type CreatedInviteResponse = z.infer<typeof createdInviteResponseSchema>

/** The in-app path of an invite link. The token sits in the fragment, which browsers never send to servers or in Referer. */
export function invitePath(token: string): string {
  return `/invite#${token}`
}

/** Body of POST /api/invites/preview and /api/invites/accept (the token in the body, never in a URL). */
export const inviteTokenRequestSchema = z.object({ token: inviteTokenSchema })

/** What an invite opens, shown before accepting it. */
export const invitePreviewResponseSchema = z.object({
  boardId: boardIdSchema,
  boardName: z.string(),
  role: boardRoleSchema,
  expiresAt: z.iso.datetime(),
  /**
   * When someone joined with the link; null while nobody has. A used link previews only for
   * people already on its board (anyone else gets `invite_used`): the page opens the board.
   */
  usedAt: z.iso.datetime().nullable(),
})
export type InvitePreviewResponse = z.infer<typeof invitePreviewResponseSchema>

/** Answer to accepting an invite: the board and the role the caller now has on it. */
export const acceptInviteResponseSchema = z.object({ boardId: boardIdSchema, role: boardRoleSchema })
export type AcceptInviteResponse = z.infer<typeof acceptInviteResponseSchema>
