import { z } from 'zod'
import { reviewerNameSchema } from './shareLinks'

/**
 * The awareness field a review page (a share-link guest, who has no canvas and so no tldraw
 * presence) announces itself in, so the team sees who is reviewing the board right now.
 */
export const REVIEWER_AWARENESS_FIELD = 'reviewer'

/** What a reviewer announces: the name they typed, or null before they typed one. */
export const reviewerPresenceSchema = z.object({ name: reviewerNameSchema.nullable() })
export type ReviewerPresence = z.infer<typeof reviewerPresenceSchema>
