import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import { verdictText } from './verdictText'

/** "2 comments with drawings": how many of a shot's comments carry a drawing; null when none do. */
export function drawnCommentsText(drawnComments: number): string | null {
  if (drawnComments <= 0) return null
  return drawnComments === 1 ? '1 comment with a drawing' : `${drawnComments} comments with drawings`
}

/**
 * "2 open comment threads", "3 comments, all resolved": where a shot's discussion stands (its
 * comments mark, on the canvas badge and Present's grid); null when it has no comments.
 */
export function commentThreadsText({ openThreads, comments }: Pick<ShotReviewSummary, 'openThreads' | 'comments'>): string | null {
  if (openThreads > 0) return `${openThreads} open comment thread${openThreads === 1 ? '' : 's'}`
  if (comments <= 0) return null
  return comments === 1 ? '1 comment, resolved' : `${comments} comments, all resolved`
}

/** A shot's review badge as plain text (its tooltip): open threads, drawings, the client's verdict. */
export function shotReviewBadgeTitle(summary: ShotReviewSummary): string {
  return [
    commentThreadsText(summary),
    drawnCommentsText(summary.drawnComments),
    summary.verdict ? verdictText(summary.verdict, summary.verdictBy) : null,
  ]
    .filter(Boolean)
    .join(' · ')
}
