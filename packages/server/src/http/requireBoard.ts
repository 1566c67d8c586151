import { eq } from 'drizzle-orm'
import type { Db } from '../db/openDatabase'
import { boards } from '../db/schema'
import { boardNotFound } from './errors'

/** Throws the API's 404 `board_not_found` unless the board exists. */
export function requireBoard(db: Db, boardId: string): void {
  const row = db.select({ id: boards.id }).from(boards).where(eq(boards.id, boardId)).get()
  if (!row) throw boardNotFound(boardId)
}
