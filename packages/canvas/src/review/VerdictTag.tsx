import type { ShotVerdict } from '@storyloom/shared/review/verdicts'
import { verdictLabel } from './verdictText'

/** In the team's comment list, a shot thread's verdict: "Changes requested by Kim", the name in a <bdi>. */
export function VerdictTag({ verdict, by }: { verdict: ShotVerdict; by: string | null }) {
  return (
    <span className="comment-thread__verdict" data-testid="comment-thread-verdict" data-verdict={verdict}>
      {verdictLabel(verdict)} by {by ? <bdi>{by}</bdi> : 'a reviewer'}
    </span>
  )
}
