import { z } from 'zod'
import { refuseReorderingOrHidingCharacters, showsSomething } from '../api/typedName'
import { MAX_ID_LENGTH } from '../storyboard/limits'
import { reviewerNameSchema } from './shareLinks'
import { commentMarkupSchema } from './commentMarkup'

/**
 * Comment threads (see docs/review-api.md): anchored to a shot, or to a point on a page of the
 * canvas; replies; @mentions; resolve and reopen. Stored by the server in SQLite.
 */

/** Longest comment body, in characters; longer ones are refused with `comment_too_long`. */
export const MAX_COMMENT_LENGTH = 4000
/** Most @mentions in one comment. */
export const MAX_MENTIONS = 20

const shotIdSchema = z.string().startsWith('shape:', 'not a shot id').max(MAX_ID_LENGTH)
const pageIdSchema = z.string().startsWith('page:', 'not a page id').max(MAX_ID_LENGTH)
const coordinateSchema = z.number().finite().min(-1e7).max(1e7)

/** Where a thread sits: on a shot, or at a point on a page (optionally over a shot). */
export const commentAnchorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('shot'), shotId: shotIdSchema }),
  z.object({ kind: z.literal('point'), pageId: pageIdSchema, x: coordinateSchema, y: coordinateSchema }),
])
export type CommentAnchor = z.infer<typeof commentAnchorSchema>

/** Control characters other than the line breaks and tabs a comment may have. */
const COMMENT_CONTROL_CHARACTERS = /[^\P{Cc}\n\t]/u
/**
 * `body` as a comment's rule takes it: line ends made `\n` (form feeds, vertical tabs and NEL
 * too), other control characters but tabs dropped, surrounding whitespace trimmed. For comments
 * saved before the rule; may be empty.
 */
export function commentWithoutControlCharacters(body: string): string {
  return body
    .replace(/\r\n?|[\v\f\u0085]/g, '\n')
    .replace(new RegExp(COMMENT_CONTROL_CHARACTERS, 'gu'), '')
    .trim()
}

/**
 * A comment's text: Windows and old Mac line ends become `\n`; it has no control characters but
 * line breaks and tabs, nor characters that reorder or hide text. It must show something unless the
 * comment carries a drawing (see `requireSomething`). Its length is checked by the server (not here)
 * so an over-long comment gets `comment_too_long` rather than a generic validation error.
 */
const commentBodySchema = refuseReorderingOrHidingCharacters(
  z
    .string()
    .overwrite((body) => body.replace(/\r\n?/g, '\n'))
    .trim()
    .refine((body) => !COMMENT_CONTROL_CHARACTERS.test(body), 'a comment must not contain control characters'),
  'a comment',
)

/** Why a drawing is refused on a comment at a point: it is drawn on a shot's picture. */
export const MARKUP_OFF_SHOT = 'a drawing goes on a shot: only comments on a shot can carry one'

/** A comment says something: text that shows, or a drawing (then the text may be empty). */
function requireSomething(comment: { body: string; markup?: unknown }, ctx: z.core.$RefinementCtx): void {
  if (comment.markup === undefined && !showsSomething(comment.body)) ctx.addIssue({ code: 'custom', path: ['body'], message: 'a comment must not be empty' })
}

/** Names of the people mentioned (`@Name` in the text). */
const mentionsSchema = z.array(z.string().trim().min(1).max(120)).max(MAX_MENTIONS, `at most ${MAX_MENTIONS} mentions`).default([])

const commentRequestSchema = z.object({
  anchor: commentAnchorSchema,
  body: commentBodySchema.default(''),
  /** A drawing on the shot's picture (commentMarkup.ts); a shot's comments only. */
  markup: commentMarkupSchema.optional(),
  mentions: mentionsSchema,
  /** The name shown with the comment: a team member's display name, or the name a reviewer typed. */
  authorName: reviewerNameSchema,
  /** A stable id of the writer on this device (team members without accounts); ignored for reviewers. */
  authorId: z.string().max(MAX_ID_LENGTH).optional(),
})

/** Body of POST /api/boards/:boardId/comments (and /api/review/:token/comments, with `authorName`). */
export const createThreadRequestSchema = commentRequestSchema.superRefine(requireSomething).superRefine((comment, ctx) => {
  if (comment.markup !== undefined && comment.anchor.kind !== 'shot') ctx.addIssue({ code: 'custom', path: ['markup'], message: MARKUP_OFF_SHOT })
})
export type CreateThreadRequest = z.input<typeof createThreadRequestSchema>

/** Body of POST …/comments/:threadId/replies (a reply may carry a drawing too). */
export const replyRequestSchema = commentRequestSchema.omit({ anchor: true }).superRefine(requireSomething)
export type ReplyRequest = z.input<typeof replyRequestSchema>

/** Body of PATCH /api/boards/:boardId/comments/:threadId: resolve or reopen. */
export const updateThreadRequestSchema = z.object({ resolved: z.boolean(), authorName: reviewerNameSchema })
export type UpdateThreadRequest = z.input<typeof updateThreadRequestSchema>

export const COMMENT_ID_PATTERN = /^[A-Za-z0-9_-]{16}$/
export const commentIdSchema = z.string().regex(COMMENT_ID_PATTERN, 'not a valid comment id')

/** Who wrote a comment: someone on the team, or a reviewer through a share link. */
export const commentAuthorSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('team'), id: z.string(), name: z.string() }),
  z.object({ kind: z.literal('reviewer'), shareLinkId: z.string(), name: z.string() }),
])
export type CommentAuthor = z.infer<typeof commentAuthorSchema>

export const commentResponseSchema = z.object({
  id: z.string(),
  body: z.string(),
  mentions: z.array(z.string()),
  /** Its drawing on the shot's picture; absent when it has none (and on every comment made before drawings). */
  markup: commentMarkupSchema.optional(),
  author: commentAuthorSchema,
  createdAt: z.iso.datetime(),
})
export type CommentResponse = z.infer<typeof commentResponseSchema>

export const commentThreadResponseSchema = z.object({
  id: commentIdSchema,
  anchor: commentAnchorSchema,
  resolved: z.boolean(),
  resolvedBy: z.string().nullable(),
  resolvedAt: z.iso.datetime().nullable(),
  createdAt: z.iso.datetime(),
  /** Oldest first; the first one opened the thread. */
  comments: z.array(commentResponseSchema),
})
export type CommentThreadResponse = z.infer<typeof commentThreadResponseSchema>

/** Body of GET …/comments: threads oldest first. */
export const commentThreadListResponseSchema = z.object({ threads: z.array(commentThreadResponseSchema) })
export type CommentThreadListResponse = z.infer<typeof commentThreadListResponseSchema>

/**
 * The `@Name` mentions in a text that name one of `people`, longest name first so "@Ann Lee"
 * is not read as "@Ann". Case-insensitive; each person once; an email address is no mention.
 */
export function findMentions(text: string, people: readonly string[]): string[] {
  const found: string[] = []
  const lower = text.toLowerCase()
  for (const name of [...new Set(people)].sort((a, b) => b.length - a.length)) {
    const needle = `@${name.toLowerCase()}`
    let at = lower.indexOf(needle)
    while (at !== -1) {
      const after = lower.charAt(at + needle.length)
      const before = at === 0 ? '' : lower.charAt(at - 1)
      // A whole name after a word boundary: not "@Annabel" for Ann, not "bob@example.com".
      if (!/[\p{L}\p{N}_]/u.test(after) && !/[\p{L}\p{N}_.]/u.test(before)) {
        found.push(name)
        break
      }
      at = lower.indexOf(needle, at + 1)
    }
  }
  return found
}

/** Body of GET /api/boards/:boardId/mentionable: names that `@` suggests (members and earlier commenters). */
export const mentionableResponseSchema = z.object({ names: z.array(z.string()) })
export type MentionableResponse = z.infer<typeof mentionableResponseSchema>
