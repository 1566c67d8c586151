import { zValidator } from '@hono/zod-validator'
import type { ValidationTargets } from 'hono'
import type { z } from 'zod'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { ApiError } from './errors'

/** One line a person can read: `name: name must not be empty; …`. */
export function describeIssues(issues: readonly z.core.$ZodIssue[]): string {
  return issues
    .map((issue) => (issue.path.length > 0 ? `${issue.path.map(String).join('.')}: ${issue.message}` : issue.message))
    .join('; ')
}

/**
 * `zValidator` with the API's error shape: a failed validation throws a 400
 * `invalid_request` whose message lists the problems. Used at the edge of every route.
 */
export const validate = <Schema extends z.ZodType, Target extends keyof ValidationTargets>(
  target: Target,
  schema: Schema,
) =>
  zValidator(target, schema, (result) => {
    if (!result.success) throw new ApiError(ApiErrorCode.invalidRequest, describeIssues(result.error.issues))
  })
