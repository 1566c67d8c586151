/**
 * Covers for boards from before covers existed (migration 0015) and boards never opened since:
 * chosen once from their stored doc, after the server listens, so the home page shows them
 * without anyone opening each board. An open room keeps its own board's cover (see
 * SyncPersistence.keepCover) and is skipped.
 */
import * as Y from 'yjs'
import { and, eq } from 'drizzle-orm'
import { recordsMap } from '@storyloom/shared/doc/boardDoc'
import { boardCoverAssetId } from '../boards/boardCover'
import type { Db } from '../db/openDatabase'
import { boards } from '../db/schema'
import { writeLockOf } from './databaseWriteLock'
import type { SyncPersistence } from './roomPersistence'
import { logSyncWarning } from './syncLog'

/** Fills in every board's unknown cover, one board per event-loop turn; resolves with how many were filled. */
export async function fillUnknownCovers(
  { db, persistence, isOpen }: { db: Db; persistence: Pick<SyncPersistence, 'load' | 'hasAsset' | 'takeAssets'>; isOpen(boardId: string): boolean },
  signal: AbortSignal,
): Promise<number> {
  const unknown = db.select({ id: boards.id }).from(boards).where(eq(boards.coverKnown, false)).all()
  let filled = 0
  for (const { id } of unknown) {
    // One board per turn: sync messages and requests are served in between.
    await new Promise((resolve) => setImmediate(resolve))
    if (signal.aborted) break
    if (isOpen(id)) continue
    let coverAssetId: string | null = null
    try {
      coverAssetId = storedCover(persistence, id)
    } catch (error) {
      // A doc this code cannot read (written by a newer Storyloom, damaged) gets the placeholder.
      logSyncWarning({ boardId: id }, "could not choose a cover from the stored board", error)
    }
    // Unless its room opened meanwhile and chose one itself.
    const result = writeLockOf(db).run(() =>
      db.update(boards).set({ coverAssetId, coverKnown: true }).where(and(eq(boards.id, id), eq(boards.coverKnown, false))).run(),
    )
    filled += result.changes
  }
  return filled
}

/**
 * Chooses one board's cover again now, from its live doc when its room is open, else from its
 * stored doc (a take file it showed was found unreadable after the cover was chosen). Whether the
 * cover changed.
 */
export function chooseCoverAgain(
  { db, persistence }: { db: Db; persistence: Pick<SyncPersistence, 'load' | 'hasAsset' | 'takeAssets' | 'refreshCover'> },
  boardId: string,
): boolean {
  const coverOf = () => db.select({ cover: boards.coverAssetId }).from(boards).where(eq(boards.id, boardId)).get()?.cover
  const before = coverOf()
  if (!persistence.refreshCover(boardId)) {
    let coverAssetId: string | null = null
    try {
      coverAssetId = storedCover(persistence, boardId)
    } catch (error) {
      logSyncWarning({ boardId }, 'could not choose a cover from the stored board', error)
    }
    writeLockOf(db).run(() => db.update(boards).set({ coverAssetId, coverKnown: true }).where(eq(boards.id, boardId)).run())
  }
  return coverOf() !== before
}

function storedCover(persistence: Pick<SyncPersistence, 'load' | 'hasAsset' | 'takeAssets'>, boardId: string): string | null {
  const stored = persistence.load(boardId)
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      if (stored.snapshot) Y.applyUpdate(doc, stored.snapshot)
      for (const update of stored.updates) Y.applyUpdate(doc, update)
    })
    return boardCoverAssetId(
      boardId,
      recordsMap(doc).values(),
      (sha256) => persistence.hasAsset(boardId, sha256),
      (shotId, versionId) => persistence.takeAssets(boardId, shotId, versionId),
    )
  } finally {
    doc.destroy()
  }
}
