import { and, eq, max, ne } from 'drizzle-orm'
import { alias } from 'drizzle-orm/sqlite-core'
import type { BoardVerdictsResponse } from '@storyloom/shared/review/verdicts'
import type { Db } from '../db/openDatabase'
import { shareLinks, shotVerdicts } from '../db/schema'

const later = alias(shotVerdicts, 'later')

/** The board's latest verdict row (`seq`) for each shot, as a subquery to join verdicts on. */
export function latestVerdictPerShot(db: Db, boardId: string) {
  return db
    .select({ shotId: later.shotId, seq: max(later.seq).as('latest_seq') })
    .from(later)
    .where(eq(later.boardId, boardId))
    .groupBy(later.shotId)
    .as('latest')
}

/**
 * Every shot's current verdict on the board (its latest, not a withdrawal), with when it was
 * given and the label of the review link it came through (a deleted link's reads "").
 */
export function currentVerdicts(db: Db, boardId: string): BoardVerdictsResponse['verdicts'] {
  const latest = latestVerdictPerShot(db, boardId)
  const rows = db
    .select({
      shotId: shotVerdicts.shotId,
      verdict: shotVerdicts.verdict,
      reviewerName: shotVerdicts.reviewerName,
      createdAt: shotVerdicts.createdAt,
      shareLinkId: shotVerdicts.shareLinkId,
      linkLabel: shareLinks.label,
    })
    .from(shotVerdicts)
    .innerJoin(latest, eq(shotVerdicts.seq, latest.seq))
    .leftJoin(shareLinks, eq(shareLinks.id, shotVerdicts.shareLinkId))
    .where(and(eq(shotVerdicts.boardId, boardId), ne(shotVerdicts.verdict, 'withdrawn')))
    .orderBy(shotVerdicts.seq)
    .all()
  return rows.flatMap((row) =>
    row.verdict === 'withdrawn' ? [] : [{ ...row, verdict: row.verdict, createdAt: row.createdAt.toISOString(), linkLabel: row.linkLabel ?? '' }],
  )
}
