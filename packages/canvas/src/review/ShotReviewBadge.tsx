import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import type { ReviewBadgeForm } from '../storyboard/shotHeaderLayout'
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
 * and no verdict (see hasReviewBadge). In a narrow header (shotHeaderLayout) it folds: `compact`
 * leaves out the drawings, `minimal` shows the verdict alone (else the comments); the tooltip and
 * the accessible name still say it all.
 */
export function ShotReviewBadge({ summary, form = 'full' }: { summary: ShotReviewSummary; form?: ReviewBadgeForm }) {
  if (form === 'none') return null
  const title = shotReviewBadgeTitle(summary)
  const marks = reviewMarks(summary)
  const showsComments = summary.comments > 0 && (form !== 'minimal' || marks.verdict === null)
  return (
    <span className="shot-review-badge" data-testid="shot-review-badge" data-form={form} data-verdict={summary.verdict ?? undefined} title={title} role="group" aria-label={title}>
      {showsComments && <CommentsMark testId="shot-review-comments" summary={summary} />}
      {marks.drawings && form === 'full' && <DrawingsMark testId="shot-review-drawings" count={marks.drawings.count} text={marks.drawings.text} />}
      {marks.verdict && <VerdictMark testId="shot-review-verdict" verdict={marks.verdict.verdict} by={marks.verdict.by} />}
    </span>
  )
}
