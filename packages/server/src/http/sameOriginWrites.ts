import type { MiddlewareHandler } from 'hono'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { isOriginAllowedFor } from '../sync/originCheck'
import { ApiError } from './errors'

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS'])

/**
 * CSRF protection for the cookie-authenticated API: a state-changing request sent by a browser
 * from another site's page is refused. Browsers send `Origin` on every cross-origin request and
 * on every non-GET one, and `Sec-Fetch-Site` too; a request with neither is not from a browser
 * page, so no cookie was sent on someone's behalf. Unlike hono's `csrf`, this also covers JSON
 * and raw-body requests and lets scripts (curl, tests) through.
 */
export function sameOriginWrites(allowedOrigins: readonly string[]): MiddlewareHandler {
  return async (c, next) => {
    if (!SAFE_METHODS.has(c.req.method)) {
      const origin = c.req.header('origin')
      const site = c.req.header('sec-fetch-site')
      const allowed =
        origin !== undefined
          ? isOriginAllowedFor(origin, c.req.header('host'), allowedOrigins)
          : site === undefined || site === 'same-origin' || site === 'none'
      if (!allowed) throw new ApiError(ApiErrorCode.crossOrigin, 'changes must come from Storyloom itself, not from another site')
    }
    await next()
  }
}
