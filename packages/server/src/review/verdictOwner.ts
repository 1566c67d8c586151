import { createHash, randomBytes } from 'node:crypto'
import type { Context } from 'hono'
import { getCookie, setCookie } from 'hono/cookie'
import type { AuthEnv } from '../http/authEnv'

/**
 * Who owns a verdict given through a review link, so that only they can take it back. Not the
 * typed name: anyone can type "Kim". A signed-in account owns its verdicts; without one (review
 * links need none) the browser does, through a random reviewer key the server sets in an httpOnly
 * cookie. See "Who may take a verdict back" in docs/review-api.md.
 */

/** The cookie holding this browser's reviewer key: 32 random bytes, base64url. */
export const REVIEWER_COOKIE = 'storyloom_reviewer'
const REVIEWER_KEY = /^[A-Za-z0-9_-]{43}$/
/** Browsers keep a cookie at most 400 days; it is renewed with every verdict. */
const REVIEWER_COOKIE_MAX_AGE = 400 * 24 * 60 * 60

/**
 * The verdict owner of this request, as stored with the verdict: `user:<id>` for a signed-in
 * account, else `browser:<sha256 of the reviewer key>` (only a hash is stored: the database never
 * holds what a browser presents). Issues (or renews) the browser's key cookie.
 */
export function verdictOwner(c: Context<AuthEnv>): string {
  const principal = c.get('principal')
  if (principal?.kind === 'user') return `user:${principal.user.id}`
  const key = presentedKey(c) ?? randomBytes(32).toString('base64url')
  setCookie(c, REVIEWER_COOKIE, key, {
    httpOnly: true,
    sameSite: 'Lax',
    // Sent only to the review routes: the one place it means anything.
    path: '/api/review',
    secure: new URL(c.req.url).protocol === 'https:',
    maxAge: REVIEWER_COOKIE_MAX_AGE,
  })
  return browserOwner(key)
}

/**
 * The verdict owner this request already is, without issuing a key: undefined for a browser
 * that has none (it has given no verdict, so owns none).
 */
export function presentedVerdictOwner(c: Context<AuthEnv>): string | undefined {
  const principal = c.get('principal')
  if (principal?.kind === 'user') return `user:${principal.user.id}`
  const key = presentedKey(c)
  return key === undefined ? undefined : browserOwner(key)
}

function presentedKey(c: Context<AuthEnv>): string | undefined {
  const presented = getCookie(c, REVIEWER_COOKIE)
  return presented !== undefined && REVIEWER_KEY.test(presented) ? presented : undefined
}

function browserOwner(key: string): string {
  return `browser:${createHash('sha256').update(key).digest('base64url')}`
}
