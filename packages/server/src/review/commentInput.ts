import { ApiErrorCode } from '@storyloom/shared/api/errors'
import type { CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import { findMentions, MARKUP_OFF_SHOT, MAX_COMMENT_LENGTH, type CommentAnchor, type CommentAuthor } from '@storyloom/shared/review/comments'
import { ApiError } from '../http/errors'
import type { NewComment } from './commentStore'

/** What a client sent for a comment (validated by the shared schema). */
type CommentInput = { body: string; mentions: readonly string[]; markup?: CommentMarkup | undefined }

/**
 * A comment as it is stored, from what a client sent: refused with `comment_too_long` over the
 * limit, and only mentions that the text really contains as `@Name` are kept.
 */
export function newComment({ body, mentions, markup }: CommentInput, author: CommentAuthor): NewComment {
  if ([...body].length > MAX_COMMENT_LENGTH) {
    throw new ApiError(ApiErrorCode.commentTooLong, `a comment can be at most ${MAX_COMMENT_LENGTH} characters; this one has ${[...body].length}`)
  }
  return { body, mentions: findMentions(body, mentions), ...(markup && { markup }), author }
}

/** A reply's drawing goes on its thread's shot: refused in a thread at a point on a page. */
export function refuseMarkupOffShot(anchor: CommentAnchor, input: CommentInput): void {
  if (input.markup && anchor.kind !== 'shot') throw new ApiError(ApiErrorCode.invalidRequest, `markup: ${MARKUP_OFF_SHOT}`)
}
