import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import { commentThreadsText } from './reviewBadgeText'
import '../styles/review/marks.css'

/**
 * A shot's comments mark (in its badge on the canvas, on its card in Present's grid): a speech
 * bubble and how many threads are open, on yellow; a tick on grey once every one is resolved.
 * Named for screen readers ("2 open comment threads"); nothing when the shot has no comments.
 */
export function CommentsMark({ summary, testId }: { summary: Pick<ShotReviewSummary, 'openThreads' | 'comments'> | undefined; testId: string }) {
  const text = summary ? commentThreadsText(summary) : null
  if (!summary || text === null) return null
  const open = summary.openThreads > 0
  return (
    <span className="comments-mark" data-testid={testId} data-open={open || undefined} role="img" aria-label={text} title={text}>
      <CommentIcon /> {open ? summary.openThreads : '✓'}
    </span>
  )
}

/** A speech bubble, drawn rather than an emoji: emoji need a colour-emoji font many machines lack. */
function CommentIcon() {
  return (
    <svg className="comments-mark__icon" width="11" height="11" viewBox="0 0 12 12" aria-hidden="true">
      <path d="M2 1.5h8A1.5 1.5 0 0 1 11.5 3v4.5A1.5 1.5 0 0 1 10 9H5.5L3 11V9H2A1.5 1.5 0 0 1 .5 7.5V3A1.5 1.5 0 0 1 2 1.5z" fill="currentColor" />
    </svg>
  )
}
