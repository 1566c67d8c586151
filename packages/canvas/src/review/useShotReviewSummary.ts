import { useContext } from 'react'
import { useValue } from 'tldraw'
import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import { BoardSessionContext } from '../board/BoardSessionContext'

/** A shot's review summary, live from the board's review state; undefined outside an open board or for a shot never reviewed. */
export function useShotReviewSummary(shotId: string): ShotReviewSummary | undefined {
  const session = useContext(BoardSessionContext)
  return useValue('shot review', () => session?.review.get().shots.get(shotId), [session, shotId])
}

/** Whether a shot's review badge has anything to show: comments, or a verdict. */
export function hasReviewBadge(summary: ShotReviewSummary | undefined): summary is ShotReviewSummary {
  return summary !== undefined && (summary.comments > 0 || summary.verdict !== null)
}
