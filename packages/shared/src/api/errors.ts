import { z } from 'zod'

/**
 * Error codes of the HTTP API. Every error response has the body `{ error: { code, message } }`
 * (see docs/http-api.md); `message` is a sentence for people, `code` is what clients branch on.
 */
export const ApiErrorCode = {
  /** The path, query, headers or body failed validation. */
  invalidRequest: 'invalid_request',
  /** No such route. */
  notFound: 'not_found',
  boardNotFound: 'board_not_found',
  /** The board has no asset with that hash (it may exist on another board). */
  assetNotFound: 'asset_not_found',
  /** The body is larger than the server accepts (for assets: `maxAssetBytes` of GET /api/config). */
  payloadTooLarge: 'payload_too_large',
  /** The uploaded file is not one of the accepted media types. */
  unsupportedMediaType: 'unsupported_media_type',
  /** Generations: no such generation on this board. */
  generationNotFound: 'generation_not_found',
  /** Generations: a requested shot is not on the board (or is not a shot). */
  shotNotFound: 'shot_not_found',
  /** Generations: no live worker has this model. */
  unknownModel: 'unknown_model',
  /** Generations: width/height not possible for the model (multiples of 8, 64–2048, both or neither). */
  invalidSize: 'invalid_size',
  /** Generations: more variations than allowed per shot. */
  tooManyVariations: 'too_many_variations',
  /** Generations: a reference or the parent version of a shot is gone, or unusable for the request. */
  missingReference: 'missing_reference',
  /** Generations: the same Idempotency-Key was sent with a different body. */
  idempotencyKeyReused: 'idempotency_key_reused',
  /** Generations: the generation already finished, so it cannot be canceled. */
  generationFinished: 'generation_finished',
  /** Generations: only whoever started a generation may cancel it. */
  notYourGeneration: 'not_your_generation',
  /** Generations: the person already has as many generations queued or running as allowed. */
  tooManyGenerations: 'too_many_generations',
  /** Worker API: missing or wrong worker token. */
  unauthorized: 'unauthorized',
  /** The board has no version with that id in that shot (it may be another board's or shot's). */
  versionNotFound: 'version_not_found',
  /** A version's parent is missing, or belongs to another shot or board. */
  versionParentInvalid: 'version_parent_invalid',
  /** The change would make a version its own ancestor. */
  versionCycle: 'version_cycle',
  /** A delete or restore sent with `ifRevision` found the take changed (deleted or restored) since that revision. */
  versionChanged: 'version_changed',
  /** The board has no history snapshot with that id. */
  snapshotNotFound: 'snapshot_not_found',
  /** The snapshot cannot be restored here (written by a newer Storyloom, or its records are invalid now). */
  snapshotUnrestorable: 'snapshot_unrestorable',
  /** The board cannot be read here to be duplicated (it was written by a newer Storyloom). */
  boardUnreadable: 'board_unreadable',
  /** The file is a take's the server found damaged or oversized (a decompression bomb): it is never served. */
  takeUnreadable: 'take_unreadable',
  // --- Client review: share links, comments, verdicts (docs/review-api.md) ---
  /** No share link with that token or id on this board: mistyped, forged, or another board's. */
  shareLinkNotFound: 'share_link_not_found',
  /** The share link's expiry time has passed. */
  shareLinkExpired: 'share_link_expired',
  /** The board's team revoked the share link. */
  shareLinkRevoked: 'share_link_revoked',
  /** The share link has a passcode and this browser has not unlocked it yet. */
  passcodeRequired: 'passcode_required',
  /** The passcode typed for a share link is not its passcode. */
  wrongPasscode: 'wrong_passcode',
  /** Too many wrong passcodes for a share link from one address; wait and try again. */
  tooManyPasscodeAttempts: 'too_many_passcode_attempts',
  /** A share link's expiry is not in the future. */
  invalidExpiry: 'invalid_expiry',
  /** No comment thread with that id on this board. */
  commentNotFound: 'comment_not_found',
  /** A comment is longer than MAX_COMMENT_LENGTH characters. */
  commentTooLong: 'comment_too_long',
  /** A reviewer took back a shot's verdict that is not theirs (or the shot has none). */
  verdictNotYours: 'verdict_not_yours',
  // --- end client review ---
  /** Something failed on the server; the message is deliberately generic. */
  internal: 'internal',
  /** The route needs a signed-in account (no session cookie, or it expired or was signed out). */
  notSignedIn: 'not_signed_in',
  /** Email and password do not match an account (never says which of the two is wrong). */
  invalidCredentials: 'invalid_credentials',
  /** Signed in, but the password typed to confirm a change of the account (new password, deleting it) is not its password. */
  wrongPassword: 'wrong_password',
  /** Sign-up with an email that already has an account. */
  emailTaken: 'email_taken',
  /** Sign-up or sign-in on a server in local mode, where nobody signs in. */
  accountsDisabled: 'accounts_disabled',
  /** Sign-up without a usable invite link on a server where sign-up is by invitation (STORYLOOM_SIGNUP=invite). */
  signUpByInvitation: 'sign_up_by_invitation',
  /** Signed in, but not a member of this board. */
  boardForbidden: 'board_forbidden',
  /** A member whose role does not allow this (the message says which role does). */
  roleRequired: 'role_required',
  /** The invite link is unknown, revoked, or its board is gone. */
  inviteInvalid: 'invite_invalid',
  /** The invite link expired. */
  inviteExpired: 'invite_expired',
  /** Someone already joined with this invite link (one person per link); the board's members are let through instead. */
  inviteUsed: 'invite_used',
  /** The password reset link is unknown, replaced by a newer one, or its account is gone. */
  passwordResetInvalid: 'password_reset_invalid',
  /** The password reset link expired. */
  passwordResetExpired: 'password_reset_expired',
  /** The password reset link was already used (each works once). */
  passwordResetUsed: 'password_reset_used',
  /** The board has no member or invite with that id. */
  memberNotFound: 'member_not_found',
  inviteNotFound: 'invite_not_found',
  /** The change would leave the board without an owner. */
  lastOwner: 'last_owner',
  /** Only the server's admin (its first account) may do this, e.g. see or delete other accounts. */
  adminRequired: 'admin_required',
  /** No account with that id (never existed, or already deleted). */
  accountNotFound: 'account_not_found',
  /** The admin account cannot be deleted: it is the server's only admin, and owns every board. */
  adminAccount: 'admin_account',
  /** A state-changing request from another site's page (cross-site request forgery). */
  crossOrigin: 'cross_origin_request',
  /** Too many attempts; the Retry-After header says when to try again. */
  rateLimited: 'rate_limited',
} as const
export type ApiErrorCode = (typeof ApiErrorCode)[keyof typeof ApiErrorCode]

/** The HTTP status each error code is sent with. */
export const ApiErrorStatus = {
  [ApiErrorCode.invalidRequest]: 400,
  [ApiErrorCode.notFound]: 404,
  [ApiErrorCode.boardNotFound]: 404,
  [ApiErrorCode.assetNotFound]: 404,
  [ApiErrorCode.payloadTooLarge]: 413,
  [ApiErrorCode.unsupportedMediaType]: 415,
  [ApiErrorCode.generationNotFound]: 404,
  [ApiErrorCode.shotNotFound]: 422,
  [ApiErrorCode.unknownModel]: 422,
  [ApiErrorCode.invalidSize]: 422,
  [ApiErrorCode.takeUnreadable]: 422,
  [ApiErrorCode.tooManyVariations]: 422,
  [ApiErrorCode.missingReference]: 422,
  [ApiErrorCode.idempotencyKeyReused]: 422,
  [ApiErrorCode.generationFinished]: 409,
  [ApiErrorCode.notYourGeneration]: 403,
  [ApiErrorCode.tooManyGenerations]: 429,
  [ApiErrorCode.unauthorized]: 401,
  [ApiErrorCode.versionNotFound]: 404,
  [ApiErrorCode.versionParentInvalid]: 422,
  [ApiErrorCode.versionCycle]: 409,
  [ApiErrorCode.versionChanged]: 409,
  [ApiErrorCode.snapshotNotFound]: 404,
  [ApiErrorCode.snapshotUnrestorable]: 409,
  [ApiErrorCode.boardUnreadable]: 409,
  [ApiErrorCode.shareLinkNotFound]: 404,
  [ApiErrorCode.shareLinkExpired]: 410,
  [ApiErrorCode.shareLinkRevoked]: 410,
  [ApiErrorCode.passcodeRequired]: 401,
  [ApiErrorCode.wrongPasscode]: 403,
  [ApiErrorCode.tooManyPasscodeAttempts]: 429,
  [ApiErrorCode.invalidExpiry]: 422,
  [ApiErrorCode.commentNotFound]: 404,
  [ApiErrorCode.commentTooLong]: 422,
  [ApiErrorCode.verdictNotYours]: 409,
  [ApiErrorCode.internal]: 500,
  [ApiErrorCode.notSignedIn]: 401,
  [ApiErrorCode.invalidCredentials]: 401,
  [ApiErrorCode.wrongPassword]: 403,
  [ApiErrorCode.emailTaken]: 409,
  [ApiErrorCode.accountsDisabled]: 404,
  [ApiErrorCode.signUpByInvitation]: 403,
  [ApiErrorCode.boardForbidden]: 403,
  [ApiErrorCode.roleRequired]: 403,
  [ApiErrorCode.inviteInvalid]: 404,
  [ApiErrorCode.inviteExpired]: 410,
  [ApiErrorCode.inviteUsed]: 410,
  [ApiErrorCode.passwordResetInvalid]: 404,
  [ApiErrorCode.passwordResetExpired]: 410,
  [ApiErrorCode.passwordResetUsed]: 410,
  [ApiErrorCode.memberNotFound]: 404,
  [ApiErrorCode.inviteNotFound]: 404,
  [ApiErrorCode.lastOwner]: 409,
  [ApiErrorCode.adminRequired]: 403,
  [ApiErrorCode.accountNotFound]: 404,
  [ApiErrorCode.adminAccount]: 409,
  [ApiErrorCode.crossOrigin]: 403,
  [ApiErrorCode.rateLimited]: 429,
} as const satisfies Record<ApiErrorCode, number>

/** Body of every non-2xx response of the API. */
export const apiErrorBodySchema = z.object({
  error: z.object({
    code: z.enum(Object.values(ApiErrorCode) as [ApiErrorCode, ...ApiErrorCode[]]),
    message: z.string(),
  }),
})
export type ApiErrorBody = z.infer<typeof apiErrorBodySchema>
