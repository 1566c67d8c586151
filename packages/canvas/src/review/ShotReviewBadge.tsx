import { useContext } from 'react'
import { useValue } from 'tldraw'
import { BoardSessionContext } from '../board/BoardSessionContext'
import { CommentsMark } from './CommentsMark'
import { DrawingsMark } from './DrawingsMark'
import { reviewMarks } from './reviewMarks'
import { shotReviewBadgeTitle } from './reviewBadgeText'
import { VerdictMark } from './VerdictMark'
import '../styles/review.css'

/**
 * On a shot: its open comment threads, then the marks its strip card has (reviewMarks): how many
 * comments carry a drawing (the pencil) and the client's latest verdict (a tick, or "!"), live
 * from the board's review state; its tooltip says it all. Nothing when the shot has no comments
 * and no verdict (or outside an open board).
 */
export function ShotReviewBadge({ shotId }: { shotId: string }) {
  const session = useContext(BoardSessionContext)
  const summary = useValue('shot review', () => session?.review.get().shots.get(shotId), [session, shotId])
  if (!summary || (summary.comments === 0 && summary.verdict === null)) return null
  const title = shotReviewBadgeTitle(summary)
  const marks = reviewMarks(summary)
  return (
    <span className="shot-review-badge" data-testid="shot-review-badge" data-verdict={summary.verdict ?? undefined} title={title}>
      <CommentsMark testId="shot-review-comments" summary={summary} />
      {marks.drawings && <DrawingsMark testId="shot-review-drawings" count={marks.drawings.count} text={marks.drawings.text} />}
      {marks.verdict && <VerdictMark testId="shot-review-verdict" verdict={marks.verdict.verdict} by={marks.verdict.by} />}
    </span>
  )
}
