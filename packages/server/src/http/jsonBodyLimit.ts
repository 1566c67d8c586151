import { bodyLimit } from 'hono/body-limit'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { ApiError } from './errors'

/** JSON request bodies are small (a board name); anything bigger is refused unread. */
export const MAX_JSON_BODY_BYTES = 16 * 1024

function limitTo(maxSize: number) {
  return bodyLimit({
    maxSize,
    onError: () => {
      throw new ApiError(ApiErrorCode.payloadTooLarge, `request body is larger than ${maxSize} bytes`)
    },
  })
}

export const jsonBodyLimit = limitTo(MAX_JSON_BODY_BYTES)

/**
 * A new comment or reply: its text (up to 4000 characters, 16 KB in the worst UTF-8) and a
 * drawing on the shot (up to 1500 points, ~16 KB at four decimals) do not fit the general limit.
 */
export const MAX_COMMENT_BODY_BYTES = 64 * 1024

export const commentBodyLimit = limitTo(MAX_COMMENT_BODY_BYTES)
