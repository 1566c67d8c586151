import { z } from 'zod'
import { assetIdSchema } from '@storyloom/shared/api/assets'
import { boardIdSchema } from '@storyloom/shared/api/boards'
import { ApiErrorCode as E } from '@storyloom/shared/api/errors'
import { commentIdSchema, commentThreadListResponseSchema, commentThreadResponseSchema, createThreadRequestSchema, mentionableResponseSchema, replyRequestSchema, updateThreadRequestSchema } from '@storyloom/shared/review/comments'
import { createShareLinkRequestSchema, revokeShareLinkRequestSchema, reviewLinkInfoSchema, shareLinkIdSchema, shareLinkListResponseSchema, shareLinkResponseSchema, shareTokenSchema, unlockReviewRequestSchema } from '@storyloom/shared/review/shareLinks'
import { boardVerdictsResponseSchema, ownVerdictsResponseSchema, verdictRequestSchema, verdictResponseSchema } from '@storyloom/shared/review/verdicts'
import { BOARD_ACCESS_ERRORS, errors, JSON_BODY_ERRORS, json, ok, pathParam, type PathItems } from './common'

const boardId = pathParam('boardId', boardIdSchema)
const linkId = pathParam('linkId', shareLinkIdSchema)
const threadId = pathParam('threadId', commentIdSchema)
const token = pathParam('token', shareTokenSchema)
const body = (schema: z.ZodType) => ({ required: true, content: json(schema, 'input') })
const TEAM_WRITE = [...BOARD_ACCESS_ERRORS, E.crossOrigin, ...JSON_BODY_ERRORS] as const
/** What every /api/review/:token route answers when the link does not open (docs/review-api.md). */
const LINK_REFUSALS = [E.invalidRequest, E.shareLinkNotFound, E.shareLinkExpired, E.shareLinkRevoked, E.passcodeRequired] as const
const REVIEW_WRITE = [...LINK_REFUSALS, E.crossOrigin, ...JSON_BODY_ERRORS] as const

/** Client review: share links and comments (the team), and what a review link opens (docs/review-api.md). */
export const reviewPaths: PathItems = {
  '/api/boards/{boardId}/share-links': {
    get: { summary: 'The board’s review links, newest first (editors)', parameters: [boardId], responses: { 200: ok('The links', shareLinkListResponseSchema), ...errors(...BOARD_ACCESS_ERRORS) } },
    post: { summary: 'Create a review link (editors)', parameters: [boardId], requestBody: body(createShareLinkRequestSchema), responses: { 201: ok('Created; `path` is the page to send', shareLinkResponseSchema), ...errors(...TEAM_WRITE, E.invalidExpiry) } },
  },
  '/api/boards/{boardId}/share-links/{linkId}': {
    delete: {
      summary: 'Revoke a review link; presentations open through it are closed',
      description:
        'Keeps when (`revokedAt`) and by whom (`revokedByName`): a signed-in member is named by their account; in local mode by the optional body’s `authorName`, else nobody. ' +
        'Revoking an already revoked link changes nothing and answers it as it is.',
      parameters: [boardId, linkId],
      requestBody: { required: false, content: json(revokeShareLinkRequestSchema, 'input') },
      responses: { 200: ok('Revoked', shareLinkResponseSchema), ...errors(...BOARD_ACCESS_ERRORS, E.crossOrigin, ...JSON_BODY_ERRORS, E.shareLinkNotFound) },
    },
  },
  '/api/boards/{boardId}/comments': {
    get: { summary: 'Every comment thread, oldest first', parameters: [boardId], responses: { 200: ok('The threads', commentThreadListResponseSchema), ...errors(...BOARD_ACCESS_ERRORS) } },
    post: { summary: 'Open a thread on a shot or at a point on a page', parameters: [boardId], requestBody: body(createThreadRequestSchema), responses: { 201: ok('Opened', commentThreadResponseSchema), ...errors(...TEAM_WRITE, E.shotNotFound, E.commentTooLong) } },
  },
  '/api/boards/{boardId}/comments/{threadId}': {
    patch: { summary: 'Resolve or reopen a thread', parameters: [boardId, threadId], requestBody: body(updateThreadRequestSchema), responses: { 200: ok('The thread', commentThreadResponseSchema), ...errors(...TEAM_WRITE, E.commentNotFound) } },
  },
  '/api/boards/{boardId}/comments/{threadId}/replies': {
    post: { summary: 'Reply in a thread; a resolved thread is reopened', parameters: [boardId, threadId], requestBody: body(replyRequestSchema), responses: { 201: ok('The thread, open', commentThreadResponseSchema), ...errors(...TEAM_WRITE, E.commentNotFound, E.commentTooLong) } },
  },
  '/api/boards/{boardId}/verdicts': {
    get: { summary: 'Each shot’s current client verdict: who, when, through which review link; and the links’ labels', parameters: [boardId], responses: { 200: ok('The verdicts, oldest first', boardVerdictsResponseSchema), ...errors(...BOARD_ACCESS_ERRORS) } },
  },
  '/api/boards/{boardId}/mentionable': {
    get: { summary: 'The names `@` suggests: members and earlier commenters', description: 'Only names people chose: never a made-up "Guest Fox" an older canvas signed a comment with, nor "Someone on the team".', parameters: [boardId], responses: { 200: ok('The names', mentionableResponseSchema), ...errors(...BOARD_ACCESS_ERRORS) } },
  },
  '/api/review/{token}': {
    get: { summary: 'What a review link opens (only that it is locked, until its passcode is given)', parameters: [token], responses: { 200: ok('The link', reviewLinkInfoSchema), ...errors(E.invalidRequest, E.shareLinkNotFound, E.shareLinkExpired, E.shareLinkRevoked) } },
  },
  '/api/review/{token}/unlock': {
    post: {
      summary: 'Give the link’s passcode; sets the httpOnly cookie `storyloom_review_<linkId>`',
      parameters: [token],
      requestBody: body(unlockReviewRequestSchema),
      responses: { 200: ok('Unlocked', reviewLinkInfoSchema), ...errors(...REVIEW_WRITE, E.wrongPasscode, E.tooManyPasscodeAttempts) },
    },
  },
  '/api/review/{token}/assets/{assetId}': {
    get: {
      summary: 'One of the board’s files, for the presentation',
      parameters: [token, pathParam('assetId', assetIdSchema)],
      responses: { 200: { description: 'The bytes' }, 206: { description: 'The requested byte range' }, 304: { description: 'Not modified' }, 416: { description: 'Range not satisfiable' }, ...errors(...LINK_REFUSALS, E.assetNotFound, E.takeUnreadable) },
    },
  },
  '/api/review/{token}/comments': {
    get: { summary: 'The threads reviewers started, with the team’s replies', parameters: [token], responses: { 200: ok('The threads', commentThreadListResponseSchema), ...errors(...LINK_REFUSALS) } },
    post: { summary: 'Open a thread on a shot, under the reviewer’s typed name', parameters: [token], requestBody: body(createThreadRequestSchema), responses: { 201: ok('Opened', commentThreadResponseSchema), ...errors(...REVIEW_WRITE, E.shotNotFound, E.commentTooLong) } },
  },
  '/api/review/{token}/comments/{threadId}/replies': {
    post: { summary: 'Reply in a thread a reviewer started; a resolved thread is reopened', parameters: [token, threadId], requestBody: body(replyRequestSchema), responses: { 201: ok('The thread, open', commentThreadResponseSchema), ...errors(...REVIEW_WRITE, E.commentNotFound, E.commentTooLong) } },
  },
  '/api/review/{token}/verdicts': {
    post: {
      summary: 'Give a shot a verdict, or take back one’s own (`verdict: null`)',
      description:
        'A verdict is owned by the signed-in account when there is one, otherwise by this browser: the server sets the httpOnly cookie `storyloom_reviewer` (a random reviewer key) with the first verdict. Only its owner can take it back; the typed name is what is shown.',
      parameters: [token],
      requestBody: body(verdictRequestSchema),
      responses: { 200: ok('Taken back', verdictResponseSchema), 201: ok('Given', verdictResponseSchema), ...errors(...REVIEW_WRITE, E.shotNotFound, E.verdictNotYours) },
    },
  },
  '/api/review/{token}/verdicts/mine': {
    get: {
      summary: 'The shots whose verdict is the caller’s: theirs to take back',
      description:
        'By the signed-in account, else by the `storyloom_reviewer` cookie (none: an empty list; asking does not set it). Not by the typed name. A verdict another reviewer gave since is no longer the caller’s. Per caller, so `Cache-Control: no-store`.',
      parameters: [token],
      responses: { 200: ok('The caller’s verdicts, oldest first', ownVerdictsResponseSchema), ...errors(...LINK_REFUSALS) },
    },
  },
}
