/**
 * "Recently deleted": moving a board to the trash, restoring it, deleting it forever and the
 * purge of boards that stayed there longer than `STORYLOOM_TRASH_DAYS`. The rows stay as they
 * are while a board is in the trash (its doc, takes, files, members, links); only `deleted_at`
 * tells, and boards/liveBoards.ts makes every other path treat it as not found.
 */
import { and, desc, eq, inArray, isNotNull, lte } from 'drizzle-orm'
import type { Principal } from '../access/principal'
import type { Db } from '../db/openDatabase'
import { boardMembers, boards } from '../db/schema'
import { boardIsLive } from './liveBoards'

const DAY_MS = 24 * 60 * 60 * 1000

export type BoardRow = typeof boards.$inferSelect

/** Moves a live board to the trash at `now`; false when there is no such live board. */
export function moveBoardToTrash(db: Db, boardId: string, now: Date): boolean {
  return db.update(boards).set({ deletedAt: now }).where(and(eq(boards.id, boardId), boardIsLive)).returning({ id: boards.id }).get() !== undefined
}

/** Takes a board out of the trash, as it was; undefined when it is not in the trash. */
export function restoreBoardFromTrash(db: Db, boardId: string): BoardRow | undefined {
  return db.update(boards).set({ deletedAt: null }).where(and(eq(boards.id, boardId), isNotNull(boards.deletedAt))).returning().get()
}

/** Deletes a board in the trash for good (its rows go by ON DELETE CASCADE); false when it is not in the trash. */
export function deleteBoardForever(db: Db, boardId: string): boolean {
  return db.delete(boards).where(and(eq(boards.id, boardId), isNotNull(boards.deletedAt))).returning({ id: boards.id }).get() !== undefined
}

/** A board in the trash, or undefined (live or unknown). */
export function trashedBoard(db: Db, boardId: string): BoardRow | undefined {
  return db.select().from(boards).where(and(eq(boards.id, boardId), isNotNull(boards.deletedAt))).get()
}

/** The trash `principal` sees: local mode and the admin every deleted board, others those they own; most recently deleted first. */
export function listTrash(db: Db, principal: Principal): BoardRow[] {
  const order = [desc(boards.deletedAt), desc(boards.createdAt)]
  if (principal.kind === 'local' || principal.user.isAdmin) return db.select().from(boards).where(isNotNull(boards.deletedAt)).orderBy(...order).all()
  return db
    .select({ board: boards })
    .from(boards)
    .innerJoin(boardMembers, and(eq(boardMembers.boardId, boards.id), eq(boardMembers.userId, principal.user.id), eq(boardMembers.role, 'owner')))
    .where(isNotNull(boards.deletedAt))
    .orderBy(...order)
    .all()
    .map((row) => row.board)
}

/** When a board deleted at `deletedAt` is deleted forever. */
export function purgeTime(deletedAt: Date, trashDays: number): Date {
  return new Date(deletedAt.getTime() + trashDays * DAY_MS)
}

/** Deletes forever the boards deleted `trashDays` or more before `now`; their ids. */
export function purgeExpiredBoards(db: Db, { now, trashDays }: { now: Date; trashDays: number }): string[] {
  const cutoff = new Date(now.getTime() - trashDays * DAY_MS)
  return db.transaction((tx) => {
    const ids = tx.select({ id: boards.id }).from(boards).where(and(isNotNull(boards.deletedAt), lte(boards.deletedAt, cutoff))).all().map((row) => row.id)
    if (ids.length > 0) tx.delete(boards).where(inArray(boards.id, ids)).run()
    return ids
  })
}
