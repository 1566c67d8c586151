import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import type { ReviewBadgeForm } from '../storyboard/shotHeaderLayout'
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
      {showsComments && (
        <span className="shot-review-badge__comments" data-open={summary.openThreads > 0 || undefined}>
          <CommentIcon /> {summary.openThreads > 0 ? summary.openThreads : '✓'}
        </span>
      )}
      {marks.drawings && form === 'full' && <DrawingsMark testId="shot-review-drawings" count={marks.drawings.count} text={marks.drawings.text} />}
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
