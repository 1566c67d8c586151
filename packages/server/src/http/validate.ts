import { zValidator } from '@hono/zod-validator'
import type { Context, ValidationTargets } from 'hono'
import type { z } from 'zod'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { ApiError } from './errors'

/** One line a person can read: `name: name must not be empty; …`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/** The media types Hono reads as a JSON body (its validator's own test). */
const JSON_MEDIA_TYPE = /^application\/([\w.-]+\+)?json$/iu

/**
 * A body Hono would not read as JSON: it validates `{}` in its place, so a body sent without
 * `Content-Type: application/json` would be ignored (an optional passcode silently dropped) or
 * refused for fields that are right there in it.
 */
function unreadJsonBody(c: Context): boolean {
  const length = c.req.header('content-length')
  const hasBody = (length !== undefined && length !== '0') || c.req.header('transfer-encoding') !== undefined
  const mediaType = (c.req.header('content-type') ?? '').split(';')[0]!.trim()
  return hasBody && !JSON_MEDIA_TYPE.test(mediaType)
}

/**
 * `zValidator` with the API's error shape: a failed validation throws a 400
 * `invalid_request` whose message lists the problems. Used at the edge of every route.
 */
export const validate = <Schema extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: Schema,
) =>
  zValidator(target, schema, (result, c) => {
    if (target === 'json' && unreadJsonBody(c)) throw new ApiError(ApiErrorCode.invalidRequest, 'the body must be JSON, sent with Content-Type: application/json')
    if (!result.success) throw new ApiError(ApiErrorCode.invalidRequest, describeIssues(result.error.issues))
  })
