import { z } from 'zod'
import { boardIdSchema } from '../api/boards'
import { typedLabelSchema, typedNameSchema } from '../api/typedName'

/**
 * Client-review share links (see docs/review-api.md). A link is a secret token in a URL
 * (`/review/<token>`); whoever holds it (and its passcode, if it has one) can watch the board's
 * presentation, read its comments, comment and approve shots — and nothing else of the board.
 */

/** Share link ids, like board ids: 16 URL-safe characters. */
export const SHARE_LINK_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/
export const shareLinkIdSchema = z.string().regex(SHARE_LINK_ID_PATTERN, 'not a valid share link id')

/** Tokens: 32 random bytes as base64url (43 characters, 256 bits). */
export const SHARE_TOKEN_PATTERN = /^[A-Za-z0-9_-]{43}$/
export const shareTokenSchema = z.string().regex(SHARE_TOKEN_PATTERN, 'not a valid review link')

/** The page a share link opens. */
export function reviewPath(token: string): string {
  return `/review/${token}`
}

/** Query parameter of the sync URL that carries a review link's token. */
export const REVIEW_SYNC_PARAM = 'review'

export const SHARE_LINK_LABEL_MAX_LENGTH = 80
export const PASSCODE_MIN_LENGTH = 4
export const PASSCODE_MAX_LENGTH = 128

/** Body of POST /api/boards/:boardId/share-links. */
export const createShareLinkRequestSchema = z.object({
  /** Who the link is for, e.g. "Client — round 2"; empty for none, as is one that shows nothing. */
  label: typedLabelSchema(SHARE_LINK_LABEL_MAX_LENGTH).default(''),
  /** The link stops working at this time; null or absent: never. Must be in the future. */
  expiresAt: z.iso.datetime({ offset: true }).nullable().default(null),
  /** Reviewers must type this before they see anything; stored hashed. */
  passcode: z
    .string()
    .min(PASSCODE_MIN_LENGTH, `passcode must be at least ${PASSCODE_MIN_LENGTH} characters`)
    .max(PASSCODE_MAX_LENGTH, `passcode must be at most ${PASSCODE_MAX_LENGTH} characters`)
    .nullable()
    .default(null),
})
export type CreateShareLinkRequest = z.input<typeof createShareLinkRequestSchema>

export const SHARE_LINK_STATES = ['active', 'expired', 'revoked'] as const
export type ShareLinkState = (typeof SHARE_LINK_STATES)[number]

/** A share link as its board's team sees it. */
export const shareLinkResponseSchema = z.object({
  id: shareLinkIdSchema,
  boardId: boardIdSchema,
  label: z.string(),
  /** The page to send the reviewer to (the token is in it). */
  path: z.string(),
  hasPasscode: z.boolean(),
  state: z.enum(SHARE_LINK_STATES),
  createdAt: z.iso.datetime(),
  createdBy: z.string(),
  expiresAt: z.iso.datetime().nullable(),
  /** When the team turned it off; null while it is not. */
  revokedAt: z.iso.datetime().nullable(),
  /**
   * The name of who turned it off, as it was then (their account's; in local mode the name their
   * device sent); null when not known: turned off without a name, or before the server kept it.
   */
  revokedByName: z.string().nullable(),
})
export type ShareLinkResponse = z.infer<typeof shareLinkResponseSchema>

/** Body of GET /api/boards/:boardId/share-links: newest first, revoked and expired ones included. */
export const shareLinkListResponseSchema = z.object({ links: z.array(shareLinkResponseSchema) })
export type ShareLinkListResponse = z.infer<typeof shareLinkListResponseSchema>

/**
 * Body of GET /api/review/:token. Until a passcode-protected link is unlocked, it says only
 * that a passcode is needed: not even the board's name.
 */
export const reviewLinkInfoSchema = z.discriminatedUnion('locked', [
  z.object({ locked: z.literal(true), passcodeRequired: z.literal(true) }),
  z.object({ locked: z.literal(false), passcodeRequired: z.boolean(), boardId: boardIdSchema, boardName: z.string(), label: z.string(), expiresAt: z.iso.datetime().nullable() }),
])
export type ReviewLinkInfo = z.infer<typeof reviewLinkInfoSchema>

/** Body of POST /api/review/:token/unlock. */
export const unlockReviewRequestSchema = z.object({ passcode: z.string().max(PASSCODE_MAX_LENGTH, 'wrong passcode') })

export const REVIEWER_NAME_MAX_LENGTH = 60
/** The name a reviewer types; shown with their comments and approvals. */
export const reviewerNameSchema = typedNameSchema(REVIEWER_NAME_MAX_LENGTH, {
  empty: 'type your name so the team knows who commented',
  tooLong: `name must be at most ${REVIEWER_NAME_MAX_LENGTH} characters`,
})

/**
 * Body of DELETE /api/boards/:boardId/share-links/:linkId, optional. In local mode (no accounts)
 * the name of who turns the link off, shown to the team; a signed-in member is named by their
 * account, and this is ignored.
 */
export const revokeShareLinkRequestSchema = z.object({ authorName: reviewerNameSchema.optional() })
