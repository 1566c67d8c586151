import { useContext } from 'react'
import { useValue } from 'tldraw'
import { BoardSessionContext } from '../board/BoardSessionContext'
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
      {summary.comments > 0 && (
        <span className="shot-review-badge__comments" data-open={summary.openThreads > 0 || undefined}>
          <CommentIcon /> {summary.openThreads > 0 ? summary.openThreads : '✓'}
        </span>
      )}
      {marks.drawings && <DrawingsMark testId="shot-review-drawings" count={marks.drawings.count} text={marks.drawings.text} />}
      {marks.verdict && <VerdictMark testId="shot-review-verdict" verdict={marks.verdict.verdict} by={marks.verdict.by} />}
    </span>
  )
}

/** A speech bubble, drawn rather than an emoji: emoji need a colour-emoji font many machines lack. */
function CommentIcon() {
  return (
    <svg className="shot-review-badge__icon" width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M2 1.5h8A1.5 1.5 0 0 1 11.5 3v4.5A1.5 1.5 0 0 1 10 9H5.5L3 11V9H2A1.5 1.5 0 0 1 .5 7.5V3A1.5 1.5 0 0 1 2 1.5z" fill="currentColor" />
    </svg>
  )
}
