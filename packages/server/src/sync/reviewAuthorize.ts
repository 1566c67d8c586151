/** The sync endpoint's `Authorize` hook with client-review links in front of the team's own check. */
import type { IncomingMessage } from 'node:http'
import { REVIEW_SYNC_PARAM } from '@storyloom/shared/review/shareLinks'
import type { Db } from '../db/openDatabase'
import { checkReviewAccess } from '../review/reviewAccess'
import type { Authorize } from './authorize'

/** The review token of a `/sync/<boardId>?review=<token>` request, if any. */
function reviewTokenOf(req: IncomingMessage): string | undefined {
  const url = req.url ?? ''
  const queryStart = url.indexOf('?')
  if (queryStart === -1) return undefined
  return new URLSearchParams(url.slice(queryStart + 1)).get(REVIEW_SYNC_PARAM) ?? undefined
}

/** The sync connection id of a review link: role changes and revocation find its sockets by it. */
export function reviewConnectionId(shareLinkId: string): string {
  return `review:${shareLinkId}`
}

/**
 * A request carrying a review token is decided by the link alone: a valid, unlocked link of
 * this very board gets a read-only review connection (what the presentation shows, the review
 * state and reviewers' presence; its writes are dropped); anything else is refused (401), whatever cookies it also has. Requests
 * without a token go to `team` (sessions and memberships, or local mode).
 */
export function reviewAuthorize(db: Db, team: Authorize): Authorize {
  return async (req, boardId) => {
    const token = reviewTokenOf(req)
    if (token === undefined) return team(req, boardId)
    const access = checkReviewAccess(db, token, req.headers.cookie)
    if (!access.ok || access.link.boardId !== boardId) return null
    return { readOnly: true, review: true, userId: reviewConnectionId(access.link.id) }
  }
}
