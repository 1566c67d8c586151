import { accountListResponseSchema, acceptInviteResponseSchema, changePasswordRequestSchema, createdPasswordResetResponseSchema, passwordResetPreviewResponseSchema, passwordResetRequestSchema, passwordResetTokenRequestSchema, deleteAccountRequestSchema, deletedAccountResponseSchema, invitePreviewResponseSchema, inviteTokenRequestSchema, sessionResponseSchema, signInRequestSchema, signUpRequestSchema, userResponseSchema } from '@storyloom/shared/api/accounts'
import { clientConfigSchema, healthResponseSchema } from '@storyloom/shared/api/config'
import { ApiErrorCode as E } from '@storyloom/shared/api/errors'
import { z } from 'zod'
import { errors, JSON_BODY_ERRORS, json, ok, pathParam, type PathItems } from './common'

const SESSION_COOKIE_NOTE = 'Sets the httpOnly session cookie.'

/** Server config and health, accounts and sessions, accepting invites (docs/http-api.md). */
export const accountPaths: PathItems = {
  '/api/config': { get: { summary: 'What the canvas needs before opening a board', responses: { 200: ok('The config', clientConfigSchema) } } },
  '/api/health': { get: { summary: 'Liveness', responses: { 200: ok('Up', healthResponseSchema) } } },
  '/api/openapi.json': { get: { summary: 'This document', responses: { 200: { description: 'The OpenAPI document', content: { 'application/json': { schema: { type: 'object' } } } } } } },
  '/api/session': { get: { summary: 'Local or accounts mode, who is signed in, and whether sign-up needs an invite link', responses: { 200: ok('The session', sessionResponseSchema) } } },
  '/api/auth/sign-up': {
    post: {
      summary: `Create an account and sign in. ${SESSION_COOKIE_NOTE}`,
      description:
        'With `STORYLOOM_SIGNUP=invite` (GET /api/session says `signUp: "invite"`), only the first account is created without `inviteToken`; ' +
        'every later one needs an unused, unexpired invite token, checked and used up in the same transaction as the account, and joins its board. ' +
        'Without one, or with a used, expired or unknown one: 403 `sign_up_by_invitation` and no account. With `STORYLOOM_SIGNUP=open` (default) the token is not needed and not used (join with POST /api/invites/accept).',
      requestBody: { required: true, content: json(signUpRequestSchema, 'input') },
      responses: { 201: ok('Signed up', userResponseSchema), ...errors(...JSON_BODY_ERRORS, E.accountsDisabled, E.signUpByInvitation, E.emailTaken, E.rateLimited) },
    },
  },
  '/api/auth/sign-in': {
    post: {
      summary: `Sign in. ${SESSION_COOKIE_NOTE}`,
      requestBody: { required: true, content: json(signInRequestSchema, 'input') },
      responses: { 200: ok('Signed in', userResponseSchema), ...errors(...JSON_BODY_ERRORS, E.accountsDisabled, E.invalidCredentials, E.rateLimited) },
    },
  },
  '/api/auth/password': {
    post: {
      summary: 'Change one’s password (the current one and a new one, held to the sign-up rules)',
      description:
        'A wrong current password: 403 `wrong_password`, nothing changed; failed attempts count with sign-in’s, per address and per account (429 `rate_limited`). ' +
        'On success every other session of the account ends and its open sync connections close at once (4401, reason `the password of this account was changed; sign in again`); ' +
        'the session that changed it stays signed in.',
      requestBody: { required: true, content: json(changePasswordRequestSchema, 'input') },
      responses: { 204: { description: 'Changed' }, ...errors(...JSON_BODY_ERRORS, E.accountsDisabled, E.notSignedIn, E.wrongPassword, E.rateLimited) },
    },
  },
  '/api/auth/password-reset/preview': {
    post: {
      summary: 'Whose password a reset link sets (the token travels in the body, never the URL)',
      description: 'A link that opens nothing counts as a failed password attempt of the address (429 `rate_limited` past the limit).',
      requestBody: { required: true, content: json(passwordResetTokenRequestSchema, 'input') },
      responses: { 200: ok('The account and when the link expires', passwordResetPreviewResponseSchema), ...errors(...JSON_BODY_ERRORS, E.accountsDisabled, E.passwordResetInvalid, E.passwordResetExpired, E.passwordResetUsed, E.rateLimited) },
    },
  },
  '/api/auth/password-reset': {
    post: {
      summary: `Set a new password with a reset link the admin made, and sign in. ${SESSION_COOKIE_NOTE}`,
      description:
        'In one transaction the link is used up (each works once), the password replaced and every session of the account deleted; its open sync connections close at once ' +
        '(4401, reason `the password of this account was changed; sign in again`), and a new session starts for this browser. ' +
        'A used, expired, replaced or unknown link changes nothing (410 `password_reset_used`, 410 `password_reset_expired`, 404 `password_reset_invalid`) and counts as a failed password attempt of the address.',
      requestBody: { required: true, content: json(passwordResetRequestSchema, 'input') },
      responses: { 200: ok('Password set, signed in', userResponseSchema), ...errors(...JSON_BODY_ERRORS, E.accountsDisabled, E.passwordResetInvalid, E.passwordResetExpired, E.passwordResetUsed, E.rateLimited) },
    },
  },
  '/api/auth/sign-out': { post: { summary: 'Sign out (ends the session, clears the cookie)', responses: { 204: { description: 'Signed out' }, ...errors(E.crossOrigin) } } },
  '/api/invites/preview': {
    post: {
      summary: 'What an invite link opens (the token travels in the body, never the URL)',
      requestBody: { required: true, content: json(inviteTokenRequestSchema, 'input') },
      responses: { 200: ok('The invite (a used one only to people already on its board: `usedAt` is set)', invitePreviewResponseSchema), ...errors(...JSON_BODY_ERRORS, E.inviteInvalid, E.inviteExpired, E.inviteUsed) },
    },
  },
  '/api/invites/accept': {
    post: {
      summary: 'Join the board an invite link is for',
      requestBody: { required: true, content: json(inviteTokenRequestSchema, 'input') },
      responses: { 200: ok('Joined, or already on the board (the role held)', acceptInviteResponseSchema), ...errors(...JSON_BODY_ERRORS, E.notSignedIn, E.inviteInvalid, E.inviteExpired, E.inviteUsed) },
    },
  },
  '/api/accounts': {
    get: {
      summary: 'The server’s accounts, oldest (the admin) first: the admin only',
      responses: { 200: ok('The accounts', accountListResponseSchema), ...errors(E.accountsDisabled, E.notSignedIn, E.adminRequired) },
    },
  },
  '/api/accounts/{userId}/password-reset': {
    post: {
      summary: 'Make a one-time password reset link for an account: the admin only',
      description:
        'The link is `/reset-password#<token>`; the token is shown only in this answer (the server keeps its SHA-256) and works once, for 24 hours. ' +
        'A new link for the same account revokes its older unused ones; deleting the account makes them useless.',
      parameters: [pathParam('userId', z.string())],
      responses: { 201: ok('The link’s token and expiry', createdPasswordResetResponseSchema), ...errors(E.invalidRequest, E.crossOrigin, E.accountsDisabled, E.notSignedIn, E.adminRequired, E.accountNotFound) },
    },
  },
  '/api/accounts/{userId}': {
    delete: {
      summary: 'Delete an account: the admin any but their own, anyone their own',
      description:
        'Boards the account owned alone pass to the admin (boards with other owners stay with them); no board content is deleted. ' +
        'Its memberships and sessions end, its open sync connections close at once (4401, reason `this account was deleted`), ' +
        'and the open invite links it made are revoked. Comments, versions and snapshots it wrote keep its name. ' +
        'Deleting your own account takes your `password` in the body (missing or wrong: 403 `wrong_password`, nothing deleted; failed attempts count with sign-in’s) and clears the session cookie; the admin deleting someone else’s sends none. ' +
        'Someone else’s account, not as the admin: 403 `admin_required`. The admin account: 409 `admin_account`.',
      parameters: [pathParam('userId', z.string())],
      requestBody: { required: false, content: json(deleteAccountRequestSchema, 'input') },
      responses: { 200: ok('Deleted; the boards that passed to the admin', deletedAccountResponseSchema), ...errors(...JSON_BODY_ERRORS, E.accountsDisabled, E.notSignedIn, E.adminRequired, E.wrongPassword, E.rateLimited, E.accountNotFound, E.adminAccount) },
    },
  },
}
