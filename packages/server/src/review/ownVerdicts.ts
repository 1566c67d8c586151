import { and, eq, max, ne } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { OwnVerdictsResponse } from '@storyloom/shared/review/verdicts'
import type { Db } from '../db/openDatabase'
import { shotVerdicts } from '../db/schema'

const later = alias(shotVerdicts, 'later')

/**
 * The board's shots whose current verdict (their latest, not a withdrawal) `ownerKey` gave (see
 * verdictOwner.ts): what that reviewer may take back. A verdict another reviewer gave since is
 * theirs, not this one's.
 */
export function ownVerdicts(db: Db, boardId: string, ownerKey: string): OwnVerdictsResponse['verdicts'] {
  const latest = db
    .select({ shotId: later.shotId, seq: max(later.seq).as('latest_seq') })
    .from(later)
    .where(eq(later.boardId, boardId))
    .groupBy(later.shotId)
    .as('latest')
  const rows = db
    .select({ shotId: shotVerdicts.shotId, verdict: shotVerdicts.verdict })
    .from(shotVerdicts)
    .innerJoin(latest, eq(shotVerdicts.seq, latest.seq))
    .where(and(eq(shotVerdicts.ownerKey, ownerKey), ne(shotVerdicts.verdict, 'withdrawn')))
    .orderBy(shotVerdicts.seq)
    .all()
  return rows.flatMap(({ shotId, verdict }) => (verdict === 'withdrawn' ? [] : [{ shotId, verdict }]))
}
