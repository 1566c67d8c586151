import { parse } from 'hono/utils/cookie'
import { SHARE_TOKEN_PATTERN } from '@storyloom/shared/review/shareLinks'
import { liveBoardExists } from '../boards/liveBoards'
import type { Db } from '../db/openDatabase'
import { isReviewGrant, reviewGrantCookieName } from './reviewGrant'
import { findShareLinkByToken, shareLinkState, type ShareLinkRow } from './shareLinkStore'

/** Why a share link does not open (yet). */
export type ReviewRefusal = 'not-found' | 'expired' | 'revoked' | 'passcode-required'

export type ReviewAccess = { ok: true; link: ShareLinkRow } | { ok: false; reason: ReviewRefusal; link?: ShareLinkRow }

/**
 * The one decision behind every review request (HTTP and sync): does this token, with these
 * cookies, open its board's review now? A malformed token is `not-found` without a query.
 */
export function checkReviewAccess(db: Db, token: string, cookieHeader: string | undefined, now = new Date()): ReviewAccess {
  if (!SHARE_TOKEN_PATTERN.test(token)) return { ok: false, reason: 'not-found' }
  const link = findShareLinkByToken(db, token)
  // A link of a board in the trash opens nothing, as if it never was (it works again once restored).
  if (!link || !liveBoardExists(db, link.boardId)) return { ok: false, reason: 'not-found' }
  const state = shareLinkState(link, now)
  if (state !== 'active') return { ok: false, reason: state, link }
  if (link.passcodeHash !== null) {
    const name = reviewGrantCookieName(link.id)
    const cookie = cookieHeader ? parse(cookieHeader, name)[name] : undefined
    if (!isReviewGrant(cookie, token, link.passcodeHash)) return { ok: false, reason: 'passcode-required', link }
  }
  return { ok: true, link }
}
