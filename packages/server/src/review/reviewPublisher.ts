import { and, desc, eq } from 'drizzle-orm'
import type * as Y from 'yjs'
import { putRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import { REVIEW_REVISION, REVIEW_VERDICT_REVISION, readReviewRevision, readVerdictRevision, reviewMap, shotReviewKey, type ShotReviewSummary } from '@storyloom/shared/review/reviewDoc'
import type { CommentAnchor } from '@storyloom/shared/review/comments'
import type { ShotVerdict } from '@storyloom/shared/review/verdicts'
import { isShotShape } from '@storyloom/shared/storyboard/boardSequence'
import type { ShotStatus } from '@storyloom/shared/storyboard/vocabulary'
import type { Db } from '../db/openDatabase'
import { shotVerdicts } from '../db/schema'
import type { SyncServer } from '../sync/createSyncServer'
import { shotCommentCounts } from './commentStore'

/**
 * Makes review activity live: after a comment, a resolve/reopen or a verdict is stored, the
 * server writes the touched shot's summary (badge) and a new revision into the board's doc, so
 * every open canvas and presentation — team and reviewers — sees it through the sync connection
 * it already has. A verdict also sets the shot's status.
 */

export type ReviewSync = Pick<SyncServer, 'changeBoard'>

/** The shot's verdict and who gave it: its latest, unless that one took it back. */
function currentVerdict(db: Db, boardId: string, shotId: string): { verdict: ShotVerdict; reviewerName: string; ownerKey: string | null } | undefined {
  const latest = db
    .select()
    .from(shotVerdicts)
    .where(and(eq(shotVerdicts.boardId, boardId), eq(shotVerdicts.shotId, shotId)))
    .orderBy(desc(shotVerdicts.seq))
    .get()
  return latest && latest.verdict !== 'withdrawn' ? { verdict: latest.verdict, reviewerName: latest.reviewerName, ownerKey: latest.ownerKey } : undefined
}

function writeSummary(db: Db, doc: Y.Doc, boardId: string, shotId: string | null, verdictChanged = false): void {
  const review = reviewMap(doc)
  review.set(REVIEW_REVISION, readReviewRevision(doc) + 1)
  if (verdictChanged) review.set(REVIEW_VERDICT_REVISION, readVerdictRevision(doc) + 1)
  if (shotId === null) return
  const verdict = currentVerdict(db, boardId, shotId)
  const summary: ShotReviewSummary = {
    ...shotCommentCounts(db, boardId, shotId),
    verdict: verdict?.verdict ?? null,
    verdictBy: verdict?.reviewerName ?? null,
  }
  review.set(shotReviewKey(shotId), summary)
}

/** Publishes a comment change (on a shot, or null for a comment anchored to a point). */
export function publishCommentChange(sync: ReviewSync, db: Db, boardId: string, shotId: string | null): void {
  sync.changeBoard(boardId, (doc) => writeSummary(db, doc, boardId, shotId))
}

/**
 * Whether a comment's anchor is on the board: its shot, or its page (loading the board's room if
 * needed). Read inside a change that writes nothing: the room is the one authority on the doc.
 */
export function anchorExists(sync: ReviewSync, boardId: string, anchor: CommentAnchor): boolean {
  let found = false
  sync.changeBoard(boardId, (doc) => {
    const record = readRecord(doc, anchor.kind === 'shot' ? anchor.shotId : anchor.pageId)
    found = record !== undefined && (anchor.kind === 'shot' ? isShotShape(record) : record.typeName === 'page')
  })
  return found
}

/** What became of a verdict: applied, or refused because the shot is gone or the verdict to take back is not the reviewer's. */
export type VerdictOutcome = 'applied' | 'no-shot' | 'not-yours'

/**
 * Records a reviewer's verdict and applies it to the shot (status and badge) in one step. A
 * `null` verdict takes back the shot's verdict, only when `ownerKey` (see verdictOwner.ts) gave
 * it — verdicts recorded before owners were (null) cannot be taken back: the shot then has none, and a status that still says that
 * verdict goes back to "In review" (one the team set since is kept). Nothing is recorded when
 * refused. Throws when the board's room cannot be opened (the board was deleted meanwhile).
 */
export function applyVerdict(
  sync: ReviewSync,
  db: Db,
  input: { boardId: string; shotId: string; verdict: ShotVerdict | null; reviewerName: string; shareLinkId: string; ownerKey: string },
  now = new Date(),
): VerdictOutcome {
  let outcome: VerdictOutcome = 'no-shot'
  sync.changeBoard(input.boardId, (doc) => {
    const shot = readRecord(doc, input.shotId)
    if (!shot || !isShotShape(shot)) return
    let status: ShotStatus
    if (input.verdict === null) {
      const current = currentVerdict(db, input.boardId, input.shotId)
      if (!current || current.ownerKey === null || current.ownerKey !== input.ownerKey) {
        outcome = 'not-yours'
        return
      }
      status = shot.props.status === current.verdict ? 'in-review' : shot.props.status
    } else {
      status = input.verdict
    }
    db.insert(shotVerdicts).values({ ...input, verdict: input.verdict ?? 'withdrawn', createdAt: now }).run()
    if (shot.props.status !== status) putRecords(doc, [{ ...shot, props: { ...shot.props, status } }])
    writeSummary(db, doc, input.boardId, input.shotId, true)
    outcome = 'applied'
  })
  return outcome
}
