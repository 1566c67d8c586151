import type { ShotVerdict } from '@storyloom/shared/review/verdicts'
import { verdictText } from '../../review/verdictText'
import '../../styles/sequence-verdict.css'

/**
 * A strip card's review mark: the client's latest verdict on the shot, as a tick (approved) or
 * an exclamation mark (changes requested) on green or orange — two shapes, not only two colours.
 * Named for screen readers ("Approved by Kim"); its card's button is described by it (`id`).
 * Comments with drawings have their own mark beside it (StripDrawingsMark).
 */
export function StripVerdictMark({ id, verdict, by }: { id: string; verdict: ShotVerdict; by: string | null }) {
  const text = verdictText(verdict, by)
  return (
    <span id={id} className="strip-verdict" data-testid="strip-shot-verdict" data-verdict={verdict} role="img" aria-label={text} title={text}>
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
