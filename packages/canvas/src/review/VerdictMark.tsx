import type { ShotVerdict } from '@storyloom/shared/review/verdicts'
import { verdictText } from './verdictText'
import '../styles/review/marks.css'

/**
 * A shot's verdict mark (on its strip card, in its badge on the canvas): the client's latest
 * verdict as a tick (approved) or an exclamation mark (changes requested) on green or orange —
 * two shapes, not only two colours. Named for screen readers ("Approved by Kim"); `id` lets a
 * strip card's button be described by it. Comments with drawings have their own mark (DrawingsMark).
 */
export function VerdictMark({ id, testId, verdict, by }: { id?: string; testId: string; verdict: ShotVerdict; by: string | null }) {
  const text = verdictText(verdict, by)
  return (
    <span id={id} className="verdict-mark" data-testid={testId} data-verdict={verdict} role="img" aria-label={text} title={text}>
      <svg width="10" height="10" viewBox="0 0 10 10" aria-hidden="true">
        {verdict === 'approved' ? (
          <path d="M2 5.2 4.1 7.3 8 2.9" fill="none" stroke="currentColor" strokeWidth="1.8" strokeLinecap="round" strokeLinejoin="round" />
        ) : (
          <path d="M5 1.8v3.9M5 8.1v.1" fill="none" stroke="currentColor" strokeWidth="1.9" strokeLinecap="round" />
        )}
      </svg>
    </span>
  )
}
