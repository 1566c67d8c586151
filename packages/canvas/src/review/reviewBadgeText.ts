import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import { verdictText } from './verdictText'

/** "2 comments with drawings": how many of a shot's comments carry a drawing; null when none do. */
export function drawnCommentsText(drawnComments: number): string | null {
  if (drawnComments <= 0) return null
  return drawnComments === 1 ? '1 comment with a drawing' : `${drawnComments} comments with drawings`
}

/** A shot's review badge as plain text (its tooltip): open threads, drawings, the client's verdict. */
export function shotReviewBadgeTitle(summary: ShotReviewSummary): string {
  return [
    summary.openThreads > 0 ? `${summary.openThreads} open comment thread${summary.openThreads === 1 ? '' : 's'}` : `${summary.comments} comments, all resolved`,
    drawnCommentsText(summary.drawnComments),
    summary.verdict ? verdictText(summary.verdict, summary.verdictBy) : null,
  ]
    .filter(Boolean)
    .join(' · ')
}
