import { eq } from 'drizzle-orm'
import { Hono, type Context } from 'hono'
import { setCookie } from 'hono/cookie'
import { z } from 'zod'
import { assetIdSchema } from '@storyloom/shared/api/assets'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import {
  commentIdSchema,
  createThreadRequestSchema,
  replyRequestSchema,
  type CommentThreadListResponse,
  type CommentThreadResponse,
} from '@storyloom/shared/review/comments'
import { shareTokenSchema, unlockReviewRequestSchema, type ReviewLinkInfo } from '@storyloom/shared/review/shareLinks'
import { verdictRequestSchema, type OwnVerdictsResponse, type VerdictResponse } from '@storyloom/shared/review/verdicts'
import type { AssetStore } from '../assets/assetStore'
import type { Db } from '../db/openDatabase'
import { boards } from '../db/schema'
import { PasscodeAttempts } from '../review/passcodeAttempts'
import { verifyPasscode } from '../review/passcodeHash'
import { checkReviewAccess, type ReviewRefusal } from '../review/reviewAccess'
import { reviewGrant, reviewGrantCookieName } from '../review/reviewGrant'
import { newComment, refuseMarkupOffShot } from '../review/commentInput'
import { addReply, createThread, getThread, listThreads } from '../review/commentStore'
import { anchorExists, applyVerdict, publishCommentChange, type ReviewSync } from '../review/reviewPublisher'
import type { ShareLinkRow } from '../review/shareLinkStore'
import { serveBoardAsset } from './assetRoutes'
import { anchorNotFound, shotOf, threadNotFound } from './commentRoutes'
import { ownVerdicts } from '../review/ownVerdicts'
import { presentedVerdictOwner, verdictOwner } from '../review/verdictOwner'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { commentBodyLimit, jsonBodyLimit } from './jsonBodyLimit'
import { clientAddress } from './rateLimit'
import { validate } from './validate'

const tokenParamsSchema = z.object({ token: shareTokenSchema })

const REFUSALS: Record<ReviewRefusal, () => ApiError> = {
  'not-found': () => new ApiError(ApiErrorCode.shareLinkNotFound, 'this review link does not exist; check that it was copied whole'),
  expired: () => new ApiError(ApiErrorCode.shareLinkExpired, 'this review link has expired; ask the team for a new one'),
  revoked: () => new ApiError(ApiErrorCode.shareLinkRevoked, 'this review link was turned off by the team; ask them for a new one'),
  'passcode-required': () => new ApiError(ApiErrorCode.passcodeRequired, 'this review link needs its passcode'),
}

/**
 * Reviewers see the conversation with reviewers — threads a reviewer started, with the team's
 * replies — never the team's own threads, which are internal notes.
 */
function isReviewThread(thread: CommentThreadResponse): boolean {
  return thread.comments[0]?.author.kind === 'reviewer'
}

/** The link behind a review request, or the refusal as an API error. */
function requireReview(c: Context, db: Db, token: string): ShareLinkRow {
  const access = checkReviewAccess(db, token, c.req.header('cookie'))
  if (!access.ok) throw REFUSALS[access.reason]()
  return access.link
}

function boardName(db: Db, boardId: string): string {
  return db.select({ name: boards.name }).from(boards).where(eq(boards.id, boardId)).get()?.name ?? ''
}

function linkInfo(db: Db, link: ShareLinkRow): ReviewLinkInfo {
  return {
    locked: false,
    passcodeRequired: link.passcodeHash !== null,
    boardId: link.boardId,
    boardName: boardName(db, link.boardId),
    label: link.label,
    expiresAt: link.expiresAt?.toISOString() ?? null,
  }
}

/**
 * /api/review/:token — what a client-review link opens for people without an account: the
 * link's board name, unlocking with the passcode, the board's assets (for the presentation),
 * its comments, commenting on shots, giving verdicts and which of them are the caller's. Nothing
 * else of the board.
 */
export function reviewRoutes({ db, sync, assets }: { db: Db; sync: ReviewSync; assets: Pick<AssetStore, 'open'> }) {
  const attempts = new PasscodeAttempts()
  return new Hono<AuthEnv>()
    .get('/:token', validate('param', tokenParamsSchema), (c) => {
      const { token } = c.req.valid('param')
      const access = checkReviewAccess(db, token, c.req.header('cookie'))
      if (!access.ok && access.reason === 'passcode-required') return c.json({ locked: true, passcodeRequired: true } satisfies ReviewLinkInfo, 200)
      if (!access.ok) throw REFUSALS[access.reason]()
      return c.json(linkInfo(db, access.link), 200)
    })
    .post('/:token/unlock', jsonBodyLimit, validate('param', tokenParamsSchema), validate('json', unlockReviewRequestSchema), async (c) => {
      const { token } = c.req.valid('param')
      const { passcode } = c.req.valid('json')
      const access = checkReviewAccess(db, token, undefined)
      const link = access.ok ? access.link : access.reason === 'passcode-required' ? access.link : undefined
      if (!link) throw REFUSALS[access.ok ? 'not-found' : access.reason]()
      if (link.passcodeHash === null) return c.json(linkInfo(db, link), 200)
      const key = `${link.id}@${clientAddress(c)}`
      const wait = attempts.begin(key)
      if (wait > 0) {
        c.header('Retry-After', String(wait))
        throw new ApiError(ApiErrorCode.tooManyPasscodeAttempts, `too many wrong passcodes; try again in ${Math.ceil(wait / 60)} min`)
      }
      if (!(await verifyPasscode(passcode, link.passcodeHash))) {
        throw new ApiError(ApiErrorCode.wrongPasscode, 'that is not the passcode of this review link')
      }
      attempts.succeeded(key)
      setCookie(c, reviewGrantCookieName(link.id), reviewGrant(token, link.passcodeHash), {
        httpOnly: true,
        sameSite: 'Lax',
        path: '/',
        secure: new URL(c.req.url).protocol === 'https:',
        ...(link.expiresAt ? { expires: link.expiresAt } : {}),
      })
      return c.json(linkInfo(db, link), 200)
    })
    .get('/:token/assets/:assetId', validate('param', z.object({ token: shareTokenSchema, assetId: assetIdSchema })), async (c) => {
      const { token, assetId } = c.req.valid('param')
      const link = requireReview(c, db, token)
      return serveBoardAsset(c, { db, assets }, link.boardId, assetId)
    })
    .get('/:token/comments', validate('param', tokenParamsSchema), (c) => {
      const link = requireReview(c, db, c.req.valid('param').token)
      return c.json({ threads: listThreads(db, link.boardId).filter(isReviewThread) } satisfies CommentThreadListResponse, 200)
    })
    .post('/:token/comments', commentBodyLimit, validate('param', tokenParamsSchema), validate('json', createThreadRequestSchema), (c) => {
      const link = requireReview(c, db, c.req.valid('param').token)
      const input = c.req.valid('json')
      const { anchor, authorName } = input
      if (anchor.kind !== 'shot') throw new ApiError(ApiErrorCode.invalidRequest, 'anchor: reviewers comment on shots')
      if (!anchorExists(sync, link.boardId, anchor)) throw anchorNotFound(anchor)
      const thread = createThread(db, link.boardId, anchor, newComment(input, { kind: 'reviewer', shareLinkId: link.id, name: authorName }))
      publishCommentChange(sync, db, link.boardId, shotOf(anchor))
      return c.json(thread, 201)
    })
    .post(
      '/:token/comments/:threadId/replies',
      commentBodyLimit,
      validate('param', z.object({ token: shareTokenSchema, threadId: commentIdSchema })),
      validate('json', replyRequestSchema),
      (c) => {
        const { token, threadId } = c.req.valid('param')
        const link = requireReview(c, db, token)
        const input = c.req.valid('json')
        const { authorName } = input
        const existing = getThread(db, link.boardId, threadId)
        if (!existing || !isReviewThread(existing)) throw threadNotFound(link.boardId, threadId)
        refuseMarkupOffShot(existing.anchor, input)
        const thread = addReply(db, link.boardId, threadId, newComment(input, { kind: 'reviewer', shareLinkId: link.id, name: authorName }))
        if (!thread) throw threadNotFound(link.boardId, threadId)
        publishCommentChange(sync, db, link.boardId, shotOf(thread.anchor))
        return c.json(thread, 201)
      },
    )
    .post('/:token/verdicts', jsonBodyLimit, validate('param', tokenParamsSchema), validate('json', verdictRequestSchema), (c) => {
      const link = requireReview(c, db, c.req.valid('param').token)
      const { shotId, verdict, reviewerName } = c.req.valid('json')
      const now = new Date()
      const outcome = applyVerdict(sync, db, { boardId: link.boardId, shotId, verdict, reviewerName, shareLinkId: link.id, ownerKey: verdictOwner(c) }, now)
      if (outcome === 'no-shot') throw new ApiError(ApiErrorCode.shotNotFound, `the board has no shot ${shotId}`)
      if (outcome === 'not-yours') throw new ApiError(ApiErrorCode.verdictNotYours, 'only the reviewer who gave the shot its verdict, in their own browser or account, can take it back')
      return c.json({ shotId, verdict, reviewerName, createdAt: now.toISOString() } satisfies VerdictResponse, verdict === null ? 200 : 201)
    })
    .get('/:token/verdicts/mine', validate('param', tokenParamsSchema), (c) => {
      const link = requireReview(c, db, c.req.valid('param').token)
      const owner = presentedVerdictOwner(c)
      // Depends on who asks (cookies): no shared cache may keep it.
      c.header('Cache-Control', 'no-store')
      return c.json({ verdicts: owner === undefined ? [] : ownVerdicts(db, link.boardId, owner) } satisfies OwnVerdictsResponse, 200)
    })
}
