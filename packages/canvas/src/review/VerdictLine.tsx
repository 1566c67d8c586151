import type { ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import { SHOT_VERDICTS } from '@storyloom/shared/review/verdicts'

/** "Approved by Carla": the latest reviewer verdict on a shot, if there is one. */
export function VerdictLine({ summary }: { summary: ShotReviewSummary | undefined }) {
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
    </p>
  )
}
