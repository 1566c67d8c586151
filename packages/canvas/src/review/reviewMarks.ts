import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import type { ShotVerdict } from '@storyloom/shared/review/verdicts'
import { drawnCommentsText } from './reviewBadgeText'

/** What a shot's review marks show (on its strip card, in its badge on the canvas): each mark, or null where it shows nothing. */
export interface ReviewMarks {
  /** The client's latest verdict and who gave it (VerdictMark). */
  readonly verdict: { readonly verdict: ShotVerdict; readonly by: string | null } | null
  /** How many of the shot's comments carry a drawing, and that in words (DrawingsMark). */
  readonly drawings: { readonly count: number; readonly text: string } | null
}

/**
 * A shot's review marks from its review summary (undefined: no review, or outside an open
 * board), one decision for the strip card and the canvas badge. The two are apart: a client may
 * draw on a shot long before judging it.
 */
export function reviewMarks(summary: Pick<ShotReviewSummary, 'verdict' | 'verdictBy' | 'drawnComments'> | undefined): ReviewMarks {
  const count = summary?.drawnComments ?? 0
  const text = drawnCommentsText(count)
  return {
    verdict: summary?.verdict ? { verdict: summary.verdict, by: summary.verdictBy } : null,
    drawings: text === null ? null : { count, text },
  }
}
