import { and, gt, lte } from 'drizzle-orm'
import type { Db } from '../db/openDatabase'
import { shareLinks } from '../db/schema'
import type { SyncServer } from '../sync/createSyncServer'
import { reviewConnectionId } from '../sync/reviewAuthorize'

/** How often open review presentations are checked against their links' expiry. */
export const REVIEW_EXPIRY_CHECK_MS = 30_000

/**
 * Closes the open presentations of links that expired in (`since`, `now`]: an expiry takes
 * effect on people already watching, not only at their next visit. Returns how many links.
 */
export function closeExpiredReviews(db: Db, sync: Pick<SyncServer, 'updateAccess'>, since: Date, now: Date): number {
  const expired = db
    .select({ id: shareLinks.id, boardId: shareLinks.boardId })
    .from(shareLinks)
    .where(and(gt(shareLinks.expiresAt, since), lte(shareLinks.expiresAt, now)))
    .all()
  for (const link of expired) sync.updateAccess(link.boardId, reviewConnectionId(link.id), undefined)
  return expired.length
}

/** Checks every {@link REVIEW_EXPIRY_CHECK_MS}; returns the function that stops it. */
export function watchReviewExpiry(db: Db, sync: Pick<SyncServer, 'updateAccess'>): () => void {
  let since = new Date()
  const timer = setInterval(() => {
    const now = new Date()
    try {
      closeExpiredReviews(db, sync, since, now)
      since = now
    } catch (error) {
      console.error('[review] closing expired review links failed:', error) // tried again next time
    }
  }, REVIEW_EXPIRY_CHECK_MS)
  timer.unref()
  return () => clearInterval(timer)
}
