import { Hono } from 'hono'
import { z } from 'zod'
import { boardIdSchema } from '@storyloom/shared/api/boards'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import {
  commentIdSchema,
  createThreadRequestSchema,
  replyRequestSchema,
  updateThreadRequestSchema,
  type CommentAnchor,
  type CommentThreadListResponse,
  type MentionableResponse,
} from '@storyloom/shared/review/comments'
import type { BoardVerdictsResponse } from '@storyloom/shared/review/verdicts'
import { namesNoOne } from '@storyloom/shared/people/guestNames'
import { listMembers } from '../access/memberships'
import type { Db } from '../db/openDatabase'
import { newComment, refuseMarkupOffShot } from '../review/commentInput'
import { addReply, commentAuthorNames, createThread, getThread, listThreads, setResolved } from '../review/commentStore'
import { anchorExists, publishCommentChange, type ReviewSync } from '../review/reviewPublisher'
import { currentVerdicts } from '../review/currentVerdicts'
import { listShareLinks } from '../review/shareLinkStore'
import { teamCaller } from '../review/teamAccess'
import type { AuthEnv } from './authEnv'
import { boardParamsSchema } from './boardRoutes'
import { ApiError } from './errors'
import { commentBodyLimit, jsonBodyLimit } from './jsonBodyLimit'
import { requireBoard } from './requireBoard'
import { validate } from './validate'

const threadParamsSchema = z.object({ boardId: boardIdSchema, threadId: commentIdSchema })

export function threadNotFound(boardId: string, threadId: string): ApiError {
  return new ApiError(ApiErrorCode.commentNotFound, `board ${boardId} has no comment thread ${threadId}`)
}

export function anchorNotFound(anchor: CommentAnchor): ApiError {
  return anchor.kind === 'shot'
    ? new ApiError(ApiErrorCode.shotNotFound, `the board has no shot ${anchor.shotId}`)
    : new ApiError(ApiErrorCode.invalidRequest, `anchor.pageId: the board has no page ${anchor.pageId}`)
}

/** The shot a thread is anchored to, for its badge; null for a thread at a point. */
export function shotOf(anchor: CommentAnchor): string | null {
  return anchor.kind === 'shot' ? anchor.shotId : null
}

/**
 * /api/boards/:boardId/comments: the team's comment threads (also those reviewers wrote through
 * share links): list, open, reply, resolve and reopen; /verdicts: the shots' current verdicts. Every change is published live through
 * the board's doc (see review/reviewPublisher.ts).
 */
export function commentRoutes({ db, sync }: { db: Db; sync: ReviewSync }) {
  return new Hono<AuthEnv>()
    .get('/:boardId/comments', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      requireBoard(db, boardId)
      return c.json({ threads: listThreads(db, boardId) } satisfies CommentThreadListResponse, 200)
    })
    .get('/:boardId/mentionable', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      requireBoard(db, boardId)
      // Comments an older canvas signed with its cursor's made-up "Guest Fox", or "Someone on the team", name nobody to mention.
      const names = new Set([...listMembers(db, boardId).map((m) => m.name), ...commentAuthorNames(db, boardId)].filter((name) => !namesNoOne(name)))
      return c.json({ names: [...names].sort((a, b) => a.localeCompare(b)) } satisfies MentionableResponse, 200)
    })
    .get('/:boardId/verdicts', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      requireBoard(db, boardId)
      const links = listShareLinks(db, boardId).map(({ id, label }) => ({ id, label }))
      return c.json({ verdicts: currentVerdicts(db, boardId), links } satisfies BoardVerdictsResponse, 200)
    })
    .post('/:boardId/comments', commentBodyLimit, validate('param', boardParamsSchema), validate('json', createThreadRequestSchema), (c) => {
      const { boardId } = c.req.valid('param')
      const { anchor, authorName, authorId, ...input } = c.req.valid('json')
      requireBoard(db, boardId)
      if (!anchorExists(sync, boardId, anchor)) throw anchorNotFound(anchor)
      const caller = teamCaller(c, { id: authorId })
      const thread = createThread(db, boardId, anchor, newComment(input, { kind: 'team', id: caller.id, name: caller.name ?? authorName }))
      publishCommentChange(sync, db, boardId, shotOf(anchor))
      return c.json(thread, 201)
    })
    .post(
      '/:boardId/comments/:threadId/replies',
      commentBodyLimit,
      validate('param', threadParamsSchema),
      validate('json', replyRequestSchema),
      (c) => {
        const { boardId, threadId } = c.req.valid('param')
        const { authorName, authorId, ...input } = c.req.valid('json')
        const caller = teamCaller(c, { id: authorId })
        const existing = getThread(db, boardId, threadId)
        if (!existing) throw threadNotFound(boardId, threadId)
        refuseMarkupOffShot(existing.anchor, input)
        const thread = addReply(db, boardId, threadId, newComment(input, { kind: 'team', id: caller.id, name: caller.name ?? authorName }))
        if (!thread) throw threadNotFound(boardId, threadId)
        publishCommentChange(sync, db, boardId, shotOf(thread.anchor))
        return c.json(thread, 201)
      },
    )
    .patch(
      '/:boardId/comments/:threadId',
      jsonBodyLimit,
      validate('param', threadParamsSchema),
      validate('json', updateThreadRequestSchema),
      (c) => {
        const { boardId, threadId } = c.req.valid('param')
        const { resolved, authorName } = c.req.valid('json')
        const thread = setResolved(db, boardId, threadId, resolved, teamCaller(c).name ?? authorName)
        if (!thread) throw threadNotFound(boardId, threadId)
        publishCommentChange(sync, db, boardId, shotOf(thread.anchor))
        return c.json(thread, 200)
      },
    )
}
