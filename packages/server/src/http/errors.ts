import type { ErrorHandler, NotFoundHandler } from 'hono'
import { HTTPException } from 'hono/http-exception'
import type { ContentfulStatusCode } from 'hono/utils/http-status'
import { ApiErrorCode, ApiErrorStatus, type ApiErrorBody } from '@storyloom/shared/api/errors'

/** An error meant for the client: its code and message are sent as they are. */
export class ApiError extends HTTPException {
  override readonly name = 'ApiError'
  constructor(
    readonly code: ApiErrorCode,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(ApiErrorStatus[code], { message, cause: options?.cause })
  }
}

export function boardNotFound(boardId: string): ApiError {
  return new ApiError(ApiErrorCode.boardNotFound, `board ${boardId} does not exist`)
}

function errorBody(code: ApiErrorCode, message: string): ApiErrorBody {
  return { error: { code, message } }
}

/** The code of an `HTTPException` thrown by Hono itself or a middleware (not an `ApiError`). */
function codeForStatus(status: number): ApiErrorCode {
  if (status === 404) return ApiErrorCode.notFound
  if (status === 413) return ApiErrorCode.payloadTooLarge
  if (status === 415) return ApiErrorCode.unsupportedMediaType
  return ApiErrorCode.invalidRequest
}

/** A request path fit for the logs: the secret of a review link (`/api/review/<token>/…`) is left out. */
export function loggablePath(path: string): string {
  return path.replace(/^\/api\/review\/[^/]+/, '/api/review/<token>')
}

/**
 * The app's one error handler. Client errors (4xx `HTTPException`s) keep their status and
 * message; everything else is logged here and answered with a generic 500, so internals (paths,
 * SQL, stacks) never reach a client. Only the method and path are logged: bodies and query
 * strings may hold user content or tokens.
 */
export const handleError: ErrorHandler = (error, c) => {
  if (error instanceof HTTPException && error.status < 500) {
    if (error.res) return error.getResponse()
    const code = error instanceof ApiError ? error.code : codeForStatus(error.status)
    return c.json(errorBody(code, error.message || 'Bad request'), error.status as ContentfulStatusCode)
  }
  console.error(`[http] ${c.req.method} ${loggablePath(c.req.path)} failed:`, error)
  return c.json(errorBody(ApiErrorCode.internal, 'Internal server error'), 500)
}

/** Unknown routes: a JSON 404 like every other API error. */
export const handleNotFound: NotFoundHandler = (c) =>
  c.json(errorBody(ApiErrorCode.notFound, `no route for ${c.req.method} ${c.req.path}`), 404)
