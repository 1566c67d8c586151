/**
 * The one decision "is this board there?". A board in "Recently deleted" (`deleted_at` set) keeps
 * its rows but is not found by anything except the trash routes (http/trashRoutes.ts) until it is
 * restored or purged. Every gate that opens a board asks here: the HTTP access check under
 * /api/boards/:boardId, the sync server's room opening, review links, invites, worker uploads
 * and the board list.
 */
import { and, eq, isNull } from 'drizzle-orm'
import type { Db } from '../db/openDatabase'
import { boards } from '../db/schema'

/** SQL condition: the board row is live (not in the trash). */
export const boardIsLive = isNull(boards.deletedAt)

/** Whether the board exists and is not in the trash. */
export function liveBoardExists(db: Pick<Db, 'select'>, boardId: string): boolean {
  return db.select({ id: boards.id }).from(boards).where(and(eq(boards.id, boardId), boardIsLive)).get() !== undefined
}
