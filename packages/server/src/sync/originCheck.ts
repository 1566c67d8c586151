/**
 * Origin check for the sync socket. Browsers apply no CORS to WebSockets, so without it any web
 * page a user visits could open their boards with their cookies.
 */
import type { IncomingMessage } from 'node:http'

function normalizeOrigin(origin: string): string | undefined {
  try {
    return new URL(origin).origin.toLowerCase()
  } catch {
    return undefined
  }
}

/**
 * True when the upgrade may proceed: no `Origin` header (a non-browser client), an origin whose
 * host equals the request's `Host`, or an origin listed in `allowedOrigins`.
 */
export function isOriginAllowed(req: IncomingMessage, allowedOrigins: readonly string[]): boolean {
  return isOriginAllowedFor(req.headers.origin, req.headers.host, allowedOrigins)
}

/** {@link isOriginAllowed} on the header values themselves; the HTTP API's CSRF check uses it too. */
export function isOriginAllowedFor(
  origin: string | undefined,
  host: string | undefined,
  allowedOrigins: readonly string[],
): boolean {
  if (origin === undefined) return true
  const normalized = normalizeOrigin(origin)
  if (normalized === undefined) return false
  if (host !== undefined && new URL(normalized).host === host.toLowerCase()) return true
  return allowedOrigins.some((allowed) => normalizeOrigin(allowed) === normalized)
}
