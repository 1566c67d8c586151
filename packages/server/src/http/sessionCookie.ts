import type { Context, MiddlewareHandler } from 'hono'
import { deleteCookie, getCookie, setCookie } from 'hono/cookie'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { LOCAL_PRINCIPAL, type Principal } from '../access/principal'
import { SESSION_COOKIE, sessionIsLive, userOfSession, type User } from '../auth/accounts'
import { hashToken } from '../auth/secretToken'
import type { Db } from '../db/openDatabase'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'


/** Over HTTPS, directly or behind a TLS-terminating proxy, the cookie is marked Secure. */
function isHttps(c: Context): boolean {
  return new URL(c.req.url).protocol === 'https:' || c.req.header('x-forwarded-proto') === 'https'
}

/** httpOnly (no script reads it), SameSite=Lax (not sent on cross-site writes). */
export function setSessionCookie(c: Context, token: string, expiresAt: Date): void {
  setCookie(c, SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'Lax',
    secure: isHttps(c),
    path: '/',
    expires: expiresAt,
  })
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { path: '/', secure: isHttps(c) })
}


/**
 * Sets `principal` for every API request: the local principal in local mode, the session's
 * account when accounts are on, or null (not signed in).
 */
export function resolvePrincipal(db: Db, authRequired: boolean): MiddlewareHandler<AuthEnv> {
  return async (c, next) => {
    let principal: Principal | null = null
    if (!authRequired) principal = LOCAL_PRINCIPAL
    else {
      const token = getCookie(c, SESSION_COOKIE)
      const user = token ? userOfSession(db, token) : undefined
      if (user) principal = { kind: 'user', user }
    }
    c.set('principal', principal)
    await next()
  }
}

/** The caller's principal, or `not_signed_in`. */
export function requirePrincipal(c: Context<AuthEnv>): Principal {
  const principal = c.get('principal')
  if (!principal) throw new ApiError(ApiErrorCode.notSignedIn, 'sign in to continue')
  return principal
}

/** The signed-in account (accounts mode only: local mode has no account to change or administer). */
export function signedInUser(c: Context<AuthEnv>, authRequired: boolean): User {
  if (!authRequired) throw new ApiError(ApiErrorCode.accountsDisabled, 'this server runs in local mode: there are no accounts (see STORYLOOM_AUTH)')
  const principal = requirePrincipal(c)
  if (principal.kind !== 'user') throw new ApiError(ApiErrorCode.accountsDisabled, 'this server runs in local mode: there are no accounts')
  return principal.user
}

/**
 * For a response that outlives its request (an event stream): whether the session `principal`
 * signed in with is still live (not signed out or expired). Always true in local mode.
 */
export function sessionStillLive(db: Db, c: Context<AuthEnv>, principal: Principal): () => boolean {
  const token = principal.kind === 'user' ? getCookie(c, SESSION_COOKIE) : undefined
  if (token === undefined) return () => true
  const tokenHash = hashToken(token)
  return () => sessionIsLive(db, tokenHash)
}

/** Refuses requests from people who are not signed in. */
export const signedIn: MiddlewareHandler<AuthEnv> = async (c, next) => {
  requirePrincipal(c)
  await next()
}
