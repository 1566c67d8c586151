import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import { SHOT_VERDICTS } from '@storyloom/shared/review/verdicts'

/**
 * "Approved by Carla": the latest reviewer verdict on a shot, if there is one; "(you)" after the
 * name when it is the reader's own (`yours`: the server says so, not the typed name).
 */
export function VerdictLine({ summary, yours = false }: { summary: ShotReviewSummary | undefined; yours?: boolean }) {
  if (!summary?.verdict) return null
  return (
    <p className="review-panel__status" data-verdict={summary.verdict}>
      {SHOT_VERDICTS.find((v) => v.id === summary.verdict)?.label}
      {summary.verdictBy && (
        <>
          {' by '}
          <bdi>{summary.verdictBy}</bdi>
        </>
      )}
      {yours && <span className="review-panel__yours"> (you)</span>}
    </p>
  )
}
