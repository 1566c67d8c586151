import { randomBytes } from 'node:crypto'
import { and, desc, eq, sql } from 'drizzle-orm'
import type { BoardSnapshot } from '@storyloom/shared/api/history'
import type { Db } from '../db/openDatabase'
import { boardHistory } from '../db/schema'

/** `h_` + 12 random bytes as base64url. */
function newSnapshotId(): string {
  return `h_${randomBytes(12).toString('base64url')}`
}

const listColumns = {
  id: boardHistory.id,
  boardId: boardHistory.boardId,
  name: boardHistory.name,
  reason: boardHistory.reason,
  authorId: boardHistory.authorId,
  authorName: boardHistory.authorName,
  createdAt: boardHistory.createdAt,
  size: sql<number>`length(${boardHistory.state})`,
}

type ListRow = { [K in keyof typeof listColumns]: K extends 'createdAt' ? Date : K extends 'size' ? number : string } & {
  reason: BoardSnapshot['reason']
}

function toSnapshot(row: ListRow): BoardSnapshot {
  return { ...row, createdAt: row.createdAt.toISOString() }
}

/** What a new snapshot records. */
export interface NewBoardSnapshot {
  boardId: string
  name: string
  reason: BoardSnapshot['reason']
  state: Uint8Array
  author: { id: string; name: string }
}

/** Named snapshots of whole boards (the `board_history` table). */
export interface BoardHistoryStore {
  add(snapshot: NewBoardSnapshot): BoardSnapshot
  /** Newest first. */
  list(boardId: string): BoardSnapshot[]
  get(boardId: string, snapshotId: string): BoardSnapshot | undefined
  /** The stored doc state (a Yjs update). */
  state(boardId: string, snapshotId: string): Uint8Array | undefined
}

export function createBoardHistoryStore(db: Db): BoardHistoryStore {
  const one = (boardId: string, snapshotId: string) =>
    db
      .select(listColumns)
      .from(boardHistory)
      .where(and(eq(boardHistory.boardId, boardId), eq(boardHistory.id, snapshotId)))
      .get()
  return {
    add({ boardId, name, reason, state, author }) {
      const id = newSnapshotId()
      db.insert(boardHistory)
        .values({ id, boardId, name, reason, state: Buffer.from(state), authorId: author.id, authorName: author.name, createdAt: new Date() })
        .run()
      const row = one(boardId, id)
      if (!row) throw new Error(`snapshot ${id} was not stored`)
      return toSnapshot(row)
    },
    list(boardId) {
      return db
        .select(listColumns)
        .from(boardHistory)
        .where(eq(boardHistory.boardId, boardId))
        .orderBy(desc(boardHistory.createdAt), desc(sql`rowid`))
        .all()
        .map(toSnapshot)
    },
    get(boardId, snapshotId) {
      const row = one(boardId, snapshotId)
      return row ? toSnapshot(row) : undefined
    },
    state(boardId, snapshotId) {
      const row = db
        .select({ state: boardHistory.state })
        .from(boardHistory)
        .where(and(eq(boardHistory.boardId, boardId), eq(boardHistory.id, snapshotId)))
        .get()
      return row ? new Uint8Array(row.state) : undefined
    },
  }
}
