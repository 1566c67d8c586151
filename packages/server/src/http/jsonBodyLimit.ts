import { bodyLimit } from 'hono/body-limit'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { ApiError } from './errors'

/** JSON request bodies are small (a board name); anything bigger is refused unread. */
export const MAX_JSON_BODY_BYTES = 16 * 1024

export const jsonBodyLimit = bodyLimit({
  maxSize: MAX_JSON_BODY_BYTES,
  onError: () => {
    throw new ApiError(ApiErrorCode.payloadTooLarge, `request body is larger than ${MAX_JSON_BODY_BYTES} bytes`)
  },
})
