import { isolatedName } from '@storyloom/shared/api/typedName'
import { SHOT_VERDICTS, type ShotVerdict } from '@storyloom/shared/review/verdicts'

/** "Approved", "Changes requested": a verdict as the review page's buttons name it. */
export function verdictLabel(verdict: ShotVerdict): string {
  return SHOT_VERDICTS.find((v) => v.id === verdict)?.label ?? verdict
}

/** "Approved by Kim" as plain text (a label, a tooltip): the reviewer's typed name isolated. */
export function verdictText(verdict: ShotVerdict, by: string | null): string {
  return `${verdictLabel(verdict)} by ${by ? isolatedName(by) : 'a reviewer'}`
}
