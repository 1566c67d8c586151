/**
 * Duplicating a board: a new board holding the original's canvas as it is now and every shot's
 * takes, owned by whoever duplicates it. Members, invites, review links, comments, verdicts,
 * History snapshots and generations are the original's alone and are not copied (README, "Duplicate").
 */
import * as Y from 'yjs'
import { and, eq, sql } from 'drizzle-orm'
import { META_SCHEMA, metaMap, putRecords, readAllRecords } from '@storyloom/shared/doc/boardDoc'
import { boardSchema } from '@storyloom/shared/schema/boardSchema'
import { SHOT_SHAPE_TYPE } from '@storyloom/shared/storyboard/shotShape'
import type { Principal } from '../access/principal'
import type { Db } from '../db/openDatabase'
import { boardAssets, boardMembers, boards, boardSnapshots } from '../db/schema'
import { BoardUnavailableError, type SyncServer } from '../sync/createSyncServer'
import type { BoardRecord } from '../sync/recordGuard'
import { writeLockOf } from '../sync/databaseWriteLock'
import { boardCoverAssetId } from './boardCover'
import { copyName } from './copyName'
import { CopyRewrite } from './copyRewrite'
import { newBoardId } from './newBoardId'
import { insertTakeCopies, newTakeIds, takesOfShots } from './takeCopies'

type Tx = Parameters<Parameters<Db['transaction']>[0]>[0]
type BoardRow = typeof boards.$inferSelect

/** What to duplicate, for whom. */
export type DuplicateBoardInput = {
  boardId: string
  /** Who duplicates it: the copy's one member, as its owner (no member in local mode). */
  principal: Principal
  /** The copy's name; default: {@link copyName} of the original's among the boards `principal` sees. */
  name?: string | undefined
}

/** The names of the boards `principal` sees in their list. */
function visibleBoardNames(tx: Tx, principal: Principal): string[] {
  if (principal.kind === 'local' || principal.user.isAdmin) return tx.select({ name: boards.name }).from(boards).all().map((r) => r.name)
  return tx
    .select({ name: boards.name })
    .from(boards)
    .innerJoin(boardMembers, eq(boardMembers.boardId, boards.id))
    .where(eq(boardMembers.userId, principal.user.id))
    .all()
    .map((r) => r.name)
}

function isStoredAsset(db: Db, boardId: string, sha256: string): boolean {
  return db.select({ sha256: boardAssets.sha256 }).from(boardAssets).where(and(eq(boardAssets.boardId, boardId), eq(boardAssets.sha256, sha256))).get() !== undefined
}

/** The copy's doc as one Yjs update: `records` rewritten for it, under the current schema; nothing else (no review badges). */
function copiedDocState(records: readonly BoardRecord[], rewrite: CopyRewrite): Uint8Array {
  const doc = new Y.Doc()
  try {
    doc.transact(() => {
      putRecords(doc, records.map((record) => rewrite.value(record)))
      metaMap(doc).set(META_SCHEMA, boardSchema.serialize())
    })
    return Y.encodeStateAsUpdate(doc)
  } finally {
    doc.destroy()
  }
}

/**
 * Copies board `boardId` (see the file comment) and returns the new board's row. The canvas is
 * read from the live room (loaded from storage if nobody has it open), so edits not yet compacted
 * are in the copy. Everything is written in one SQLite transaction: on any error nothing of the
 * copy is left. Throws {@link BoardUnavailableError} when the board is gone or cannot be read here.
 */
export function duplicateBoard(
  { db, sync }: { db: Db; sync: Pick<SyncServer, 'withRoom'> },
  { boardId, principal, name }: DuplicateBoardInput,
): BoardRow {
  const records = sync.withRoom(boardId, (room) => room.read((doc) => readAllRecords(doc)))
  const shotIds = records.filter((r) => r.typeName === 'shape' && r.type === SHOT_SHAPE_TYPE).map((r) => r.id)
  // Read and built before the transaction, so SQLite's write lock is held for the writes alone
  // (takes are written on this thread only: nothing can change them in between).
  const takes = takesOfShots(db, boardId, shotIds)
  // The copy gets every asset row of the original, under the same ids: the same cover.
  const takeAssets = new Map(takes.map((take) => [`${take.shotId} ${take.id}`, take.assets]))
  const coverAssetId = boardCoverAssetId(
    boardId,
    records,
    (sha256) => isStoredAsset(db, boardId, sha256),
    (shotId, versionId) => takeAssets.get(`${shotId} ${versionId}`),
  )
  const copyId = newBoardId()
  const rewrite = new CopyRewrite(boardId, copyId, newTakeIds(takes))
  const state = Buffer.from(copiedDocState(records, rewrite))
  const now = new Date()
  return writeLockOf(db).run(() =>
    db.transaction(
      (tx) => {
        const source = tx.select().from(boards).where(eq(boards.id, boardId)).get()
        if (!source) throw new BoardUnavailableError(boardId, 'the board does not exist', 'missing')
        const copy = tx
          .insert(boards)
          .values({ id: copyId, name: name ?? copyName(source.name, visibleBoardNames(tx, principal)), createdAt: now, updatedAt: now, coverAssetId, coverKnown: true })
          .returning()
          .get()
        if (principal.kind === 'user') tx.insert(boardMembers).values({ boardId: copyId, userId: principal.user.id, role: 'owner', createdAt: now }).run()
        tx.insert(boardSnapshots).values({ boardId: copyId, state, seq: 0, updatedAt: now }).run()
        // The files are content-addressed and never change: the copy refers to the same ones. Its own
        // rows keep them on disk (and served through its URLs) after the original is deleted.
        tx.insert(boardAssets)
          .select(
            tx
              .select({
                boardId: sql<string>`${copyId}`.as('board_id'),
                sha256: boardAssets.sha256,
                mimeType: boardAssets.mimeType,
                size: boardAssets.size,
                fileName: boardAssets.fileName,
                createdAt: boardAssets.createdAt,
              })
              .from(boardAssets)
              .where(eq(boardAssets.boardId, boardId)),
          )
          .run()
        insertTakeCopies(tx, takes, copyId, rewrite)
        return copy
      },
      { behavior: 'immediate' },
    ),
  )
}
