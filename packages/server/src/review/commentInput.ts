import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { findMentions, MAX_COMMENT_LENGTH, type CommentAuthor } from '@storyloom/shared/review/comments'
import { ApiError } from '../http/errors'
import type { NewComment } from './commentStore'

/**
 * A comment as it is stored, from what a client sent: refused with `comment_too_long` over the
 * limit, and only mentions that the text really contains as `@Name` are kept.
 */
export function newComment(body: string, mentions: readonly string[], author: CommentAuthor): NewComment {
  if ([...body].length > MAX_COMMENT_LENGTH) {
    throw new ApiError(ApiErrorCode.commentTooLong, `a comment can be at most ${MAX_COMMENT_LENGTH} characters; this one has ${[...body].length}`)
  }
  return { body, mentions: findMentions(body, mentions), author }
}
