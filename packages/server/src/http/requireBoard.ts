import { liveBoardExists } from '../boards/liveBoards'
import type { Db } from '../db/openDatabase'
import { boardNotFound } from './errors'

/** Throws the API's 404 `board_not_found` unless the board exists and is not in the trash. */
export function requireBoard(db: Db, boardId: string): void {
  if (!liveBoardExists(db, boardId)) throw boardNotFound(boardId)
}
