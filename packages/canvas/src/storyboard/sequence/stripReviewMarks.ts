import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import type { ShotVerdict } from '@storyloom/shared/review/verdicts'
import { drawnCommentsText } from '../../review/reviewBadgeText'

/** What a strip card marks of its shot's review: each mark, or null where it shows nothing. */
export interface StripReviewMarks {
  /** The client's latest verdict and who gave it (StripVerdictMark). */
  readonly verdict: { readonly verdict: ShotVerdict; readonly by: string | null } | null
  /** How many of the shot's comments carry a drawing, and that in words (StripDrawingsMark). */
  readonly drawings: { readonly count: number; readonly text: string } | null
}

/**
 * A strip card's review marks from its shot's review summary (undefined: no review, or outside
 * an open board). The two are apart: a client may draw on a shot long before judging it, and the
 * canvas badge counts those comments whether or not there is a verdict.
 */
export function stripReviewMarks(summary: Pick<ShotReviewSummary, 'verdict' | 'verdictBy' | 'drawnComments'> | undefined): StripReviewMarks {
  const count = summary?.drawnComments ?? 0
  const text = drawnCommentsText(count)
  return {
    verdict: summary?.verdict ? { verdict: summary.verdict, by: summary.verdictBy } : null,
    drawings: text === null ? null : { count, text },
  }
}
