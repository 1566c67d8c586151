import type { Awareness } from 'y-protocols/awareness'
import { REVIEWER_AWARENESS_FIELD, reviewerPresenceSchema, type ReviewerPresence } from '@storyloom/shared/review/reviewerPresence'
import { reviewerNameSchema } from '@storyloom/shared/review/shareLinks'

/** A reviewer on the board now, as their review page announced it. */
export type Reviewer = ReviewerPresence & { clientId: number }

/** Tells everyone on the board that this client is reviewing it, under `name` (blank: not typed yet). */
export function announceReviewer(awareness: Awareness, name: string): void {
  const parsed = reviewerNameSchema.safeParse(name)
  const presence: ReviewerPresence = { name: parsed.success ? parsed.data : null }
  awareness.setLocalStateField(REVIEWER_AWARENESS_FIELD, presence)
}

/** The reviewers other clients announce, in a stable order; malformed announcements are ignored. */
export function reviewersOf(awareness: Awareness): Reviewer[] {
  const reviewers: Reviewer[] = []
  for (const [clientId, state] of awareness.getStates()) {
    if (clientId === awareness.clientID) continue
    const parsed = reviewerPresenceSchema.safeParse((state as Record<string, unknown> | undefined)?.[REVIEWER_AWARENESS_FIELD])
    if (parsed.success) reviewers.push({ ...parsed.data, clientId })
  }
  return reviewers.sort((a, b) => a.clientId - b.clientId)
}
