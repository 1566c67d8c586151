import { and, eq, ne } from 'drizzle-orm'
import type { OwnVerdictsResponse } from '@storyloom/shared/review/verdicts'
import type { Db } from '../db/openDatabase'
import { shotVerdicts } from '../db/schema'
import { latestVerdictPerShot } from './currentVerdicts'

/**
 * The board's shots whose current verdict (their latest, not a withdrawal) `ownerKey` gave (see
 * verdictOwner.ts): what that reviewer may take back. A verdict another reviewer gave since is
 * theirs, not this one's.
 */
export function ownVerdicts(db: Db, boardId: string, ownerKey: string): OwnVerdictsResponse['verdicts'] {
  const latest = latestVerdictPerShot(db, boardId)
  const rows = db
    .select({ shotId: shotVerdicts.shotId, verdict: shotVerdicts.verdict })
    .from(shotVerdicts)
    .innerJoin(latest, eq(shotVerdicts.seq, latest.seq))
    .where(and(eq(shotVerdicts.ownerKey, ownerKey), ne(shotVerdicts.verdict, 'withdrawn')))
    .orderBy(shotVerdicts.seq)
    .all()
  return rows.flatMap(({ shotId, verdict }) => (verdict === 'withdrawn' ? [] : [{ shotId, verdict }]))
}
