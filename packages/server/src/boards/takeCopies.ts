import { randomUUID } from 'node:crypto'
import { and, eq, inArray } from 'drizzle-orm'
import type { Db } from '../db/openDatabase'
import { shotVersions } from '../db/schema'
import { newVersionId } from '../versions/versionStore'
import type { CopyRewrite } from './copyRewrite'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type TakeRow = typeof shotVersions.$inferSelect

/** Rows per INSERT: well under SQLite's limit of bound parameters (21 columns each). */
const INSERT_CHUNK = 200

/** Every take (deleted ones too: they stay restorable) of the given shots of a board. */
export function takesOfShots(tx: Tx | Db, boardId: string, shotIds: readonly string[]): TakeRow[] {
  if (shotIds.length === 0) return []
  const rows: TakeRow[] = []
  for (let i = 0; i < shotIds.length; i += INSERT_CHUNK) {
    const chunk = shotIds.slice(i, i + INSERT_CHUNK)
    rows.push(...tx.select().from(shotVersions).where(and(eq(shotVersions.boardId, boardId), inArray(shotVersions.shotId, chunk))).all())
  }
  return rows
}

/**
 * New ids for the takes, handed out in the same sort order as the old ones: a shot's takes are
 * listed by time, then variation, then id, so takes made in the same millisecond keep their order.
 */
export function newTakeIds(rows: readonly TakeRow[]): Map<string, string> {
  const old = rows.map((row) => row.id).sort()
  const fresh = old.map(() => newVersionId()).sort()
  return new Map(old.map((id, i) => [id, fresh[i]!]))
}

/**
 * Writes the copy's takes: the same tree, labels, stars, approvals and files under new ids.
 * A generation's siblings get one new job id between them (job ids are unique with their
 * variation, and the copy's takes belong to no job of its own).
 */
export function insertTakeCopies(tx: Tx, rows: readonly TakeRow[], toBoardId: string, rewrite: CopyRewrite): void {
  const jobIds = new Map<string, string>()
  const copies = rows.map((row) => ({
    ...row,
    id: rewrite.versionId(row.id),
    boardId: toBoardId,
    parentId: rewrite.versionId(row.parentId),
    restoredFromId: rewrite.versionId(row.restoredFromId),
    params: rewrite.value(row.params),
    assets: rewrite.value(row.assets),
    jobId: row.jobId === null ? null : jobIds.get(row.jobId) ?? jobIds.set(row.jobId, randomUUID()).get(row.jobId)!,
  }))
  for (let i = 0; i < copies.length; i += INSERT_CHUNK) tx.insert(shotVersions).values(copies.slice(i, i + INSERT_CHUNK)).run()
}
