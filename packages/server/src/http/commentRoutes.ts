import { Hono } from 'hono'
import { z } from 'zod'
import { boardIdSchema } from '@storyloom/shared/api/boards'
import {
  createThreadRequestSchema,
  replyRequestSchema,
  updateThreadRequestSchema,
  type ThreadListResponse,
} from '@storyloom/shared/api/comments'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { NoticeCode } from '@storyloom/shared/protocol/syncProtocol'
import { listMembers } from '../access/memberships'
import type { BoardAccess } from '../access/principal'
import { createThread, deleteComment, findComment, listThreads, reply, setResolved } from '../comments/commentStore'
import type { Db } from '../db/openDatabase'
import type { SyncServer } from '../sync/createSyncServer'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { validate } from './validate'

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'not a valid id')
const boardParams = z.object({ boardId: boardIdSchema })
const threadParams = z.object({ boardId: boardIdSchema, threadId: idSchema })
const commentParams = z.object({ boardId: boardIdSchema, threadId: idSchema, commentId: idSchema })

/** Who writes: the account, or in local mode someone unnamed. */
function authorOf({ principal }: BoardAccess) {
  return principal.kind === 'user' ? { id: principal.user.id, name: principal.user.name } : { id: null, name: 'Someone' }
}

function threadNotFound(threadId: string): ApiError {
  return new ApiError(ApiErrorCode.notFound, `this board has no comment thread ${threadId}`)
}

/**
 * /api/boards/:boardId/comments: threads on shots and canvas points, replies, @mentions of
 * members, resolve and reopen. Commenters and up may write (see boardAccess); every change is
 * announced to the board's open connections so comments are live.
 */
export function commentRoutes({ db, sync }: { db: Db; sync: Pick<SyncServer, 'notifyBoard'> }) {
  const changed = (boardId: string) => sync.notifyBoard(boardId, { code: NoticeCode.commentsChanged })
  /** Mentions must name members of the board; duplicates are dropped. */
  const checkMentions = (boardId: string, mentions: string[]): string[] => {
    if (mentions.length === 0) return []
    const members = new Set(listMembers(db, boardId).map((m) => m.userId))
    const unknown = mentions.filter((id) => !members.has(id))
    if (unknown.length > 0) throw new ApiError(ApiErrorCode.invalidRequest, `mentions: ${unknown.join(', ')} ${unknown.length === 1 ? 'is' : 'are'} not a member of this board`)
    return [...new Set(mentions)]
  }
  const list = (boardId: string): ThreadListResponse => ({ threads: listThreads(db, boardId) })

  return new Hono<AuthEnv>()
    .get('/:boardId/comments', validate('param', boardParams), (c) => c.json(list(c.req.valid('param').boardId), 200))
    .post('/:boardId/comments', jsonBodyLimit, validate('param', boardParams), validate('json', createThreadRequestSchema), (c) => {
      const { boardId } = c.req.valid('param')
      const { anchor, body, mentions } = c.req.valid('json')
      createThread(db, { boardId, anchor, body, mentions: checkMentions(boardId, mentions), author: authorOf(c.get('boardAccess')) })
      changed(boardId)
      return c.json(list(boardId), 201)
    })
    .post('/:boardId/comments/:threadId/replies', jsonBodyLimit, validate('param', threadParams), validate('json', replyRequestSchema), (c) => {
      const { boardId, threadId } = c.req.valid('param')
      const { body, mentions } = c.req.valid('json')
      if (!reply(db, { boardId, threadId, body, mentions: checkMentions(boardId, mentions), author: authorOf(c.get('boardAccess')) })) {
        throw threadNotFound(threadId)
      }
      changed(boardId)
      return c.json(list(boardId), 201)
    })
    .patch('/:boardId/comments/:threadId', jsonBodyLimit, validate('param', threadParams), validate('json', updateThreadRequestSchema), (c) => {
      const { boardId, threadId } = c.req.valid('param')
      if (!setResolved(db, boardId, threadId, c.req.valid('json').resolved)) throw threadNotFound(threadId)
      changed(boardId)
      return c.json(list(boardId), 200)
    })
    .delete('/:boardId/comments/:threadId/replies/:commentId', validate('param', commentParams), (c) => {
      const { boardId, threadId, commentId } = c.req.valid('param')
      const comment = findComment(db, boardId, threadId, commentId)
      if (!comment) throw new ApiError(ApiErrorCode.notFound, `this board has no comment ${commentId}`)
      const access = c.get('boardAccess')
      const mine = access.principal.kind === 'local' || comment.authorId === access.principal.user.id
      if (!mine && access.role !== 'owner') throw new ApiError(ApiErrorCode.roleRequired, 'only its author or a board owner can delete a comment')
      deleteComment(db, threadId, commentId)
      changed(boardId)
      return c.body(null, 204)
    })
}
