import { z } from 'zod'
import { shotIdSchema } from '../generation/api'

/** Longest comment accepted, in characters (a long paragraph of notes, not a document). */
export const COMMENT_MAX_LENGTH = 4000
/** Most people one comment can @mention. */
export const MAX_MENTIONS = 20

/** Where a thread sits: on a shot (it follows the shot), or at a point of a canvas page. */
export const commentAnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shot'), shotId: shotIdSchema }),
  z.object({
    kind: z.literal('point'),
    pageId: z.string().regex(/^page:[\w-]{1,100}$/u, 'not a page id (page:…)'),
    x: z.number().finite(),
    y: z.number().finite(),
  }),
])
export type CommentAnchor = z.infer<typeof commentAnchorSchema>

export const commentBodySchema = z
  .string()
  .trim()
  .min(1, 'a comment cannot be empty')
  .max(COMMENT_MAX_LENGTH, `a comment can be at most ${COMMENT_MAX_LENGTH} characters`)

/** Account ids of the members a comment @mentions. */
const mentionsSchema = z.array(z.string().max(64)).max(MAX_MENTIONS, `at most ${MAX_MENTIONS} mentions per comment`).default([])

/** Body of POST /api/boards/:boardId/comments: a new thread with its first comment. */
export const createThreadRequestSchema = z.object({ anchor: commentAnchorSchema, body: commentBodySchema, mentions: mentionsSchema })
export type CreateThreadRequest = z.input<typeof createThreadRequestSchema>

/** Body of POST /api/boards/:boardId/comments/:threadId/replies. */
export const replyRequestSchema = z.object({ body: commentBodySchema, mentions: mentionsSchema })

/** Body of PATCH /api/boards/:boardId/comments/:threadId: resolve or reopen. */
export const updateThreadRequestSchema = z.object({ resolved: z.boolean() })

export const commentResponseSchema = z.object({
  id: z.string(),
  /** Null for comments made in local mode or by a deleted account. */
  authorId: z.string().nullable(),
  authorName: z.string(),
  body: z.string(),
  mentions: z.array(z.string()),
  createdAt: z.iso.datetime(),
})
export type CommentResponse = z.infer<typeof commentResponseSchema>

export const threadResponseSchema = z.object({
  id: z.string(),
  anchor: commentAnchorSchema,
  resolved: z.boolean(),
  comments: z.array(commentResponseSchema),
  createdAt: z.iso.datetime(),
})
export type ThreadResponse = z.infer<typeof threadResponseSchema>

/** Body of GET /api/boards/:boardId/comments: oldest thread first, comments oldest first. */
export const threadListResponseSchema = z.object({ threads: z.array(threadResponseSchema) })
export type ThreadListResponse = z.infer<typeof threadListResponseSchema>
