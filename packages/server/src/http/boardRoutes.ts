import { and, desc, eq } from 'drizzle-orm'
import { Hono } from 'hono'
import { z } from 'zod'
import {
  boardIdSchema,
  createBoardRequestSchema,
  duplicateBoardRequestSchema,
  renameBoardRequestSchema,
  type BoardListResponse,
  type BoardResponse,
} from '@storyloom/shared/api/boards'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { assetUrl } from '@storyloom/shared/api/assets'
import { memberIds } from '../access/memberships'
import { newBoardId } from '../boards/newBoardId'
import type { Db } from '../db/openDatabase'
import type { BoardListHub } from '../events/boardListHub'
import { boardMembers, boards } from '../db/schema'
import type { GenerationService } from '../generation/generationService'
import type { SyncServer } from '../sync/createSyncServer'
import type { AuthEnv } from './authEnv'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { duplicateBoard } from '../boards/boardDuplicator'
import { moveBoardToTrash } from '../boards/boardTrash'
import { boardIsLive } from '../boards/liveBoards'
import { BoardUnavailableError } from '../sync/createSyncServer'
import { ApiError, boardNotFound } from './errors'
import { requirePrincipal } from './sessionCookie'
import { jsonBodyLimit } from './jsonBodyLimit'
import { validate } from './validate'

export const boardParamsSchema = z.object({ boardId: boardIdSchema })

export function toBoardResponse(row: typeof boards.$inferSelect, role: BoardRole): BoardResponse {
  return {
    id: row.id,
    name: row.name,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
    role,
    // Built here from the id alone: a cover is only ever served through the board's own asset route.
    coverUrl: row.coverAssetId === null ? null : assetUrl(row.id, row.coverAssetId),
  }
}

/** /api/boards: list, create, read, rename, duplicate and delete (move to the trash) boards. */
export function boardRoutes({
  db,
  sync,
  boardList,
  generation,
}: {
  db: Db
  /** A deleted board's queued and running generations are canceled. */
  generation: { service: Pick<GenerationService, 'dropForDeletedBoard'> }
  /** Duplicating reads the board's live doc (`withRoom`). */
  sync: Pick<SyncServer, 'closeBoard' | 'boardRenamed' | 'withRoom'>
  /** Every change here goes to the board-list streams of the people who see the board. */
  boardList: Pick<BoardListHub, 'announce'>
}) {
  return new Hono<AuthEnv>()
    .get('/', (c) => {
      const principal = requirePrincipal(c)
      // Local mode and the admin see every board; everyone else the boards they are a member of.
      const order = [desc(boards.updatedAt), desc(boards.createdAt)]
      // Boards in the trash are listed by GET /api/trash only.
      if (principal.kind === 'local' || principal.user.isAdmin) {
        const rows = db.select().from(boards).where(boardIsLive).orderBy(...order).all()
        return c.json({ boards: rows.map((row) => toBoardResponse(row, 'owner')) } satisfies BoardListResponse, 200)
      }
      const rows = db
        .select({ board: boards, role: boardMembers.role })
        .from(boards)
        .innerJoin(boardMembers, and(eq(boardMembers.boardId, boards.id), eq(boardMembers.userId, principal.user.id)))
        .where(boardIsLive)
        .orderBy(...order)
        .all()
      return c.json({ boards: rows.map((row) => toBoardResponse(row.board, row.role)) } satisfies BoardListResponse, 200)
    })
    .post('/', jsonBodyLimit, validate('json', createBoardRequestSchema), (c) => {
      const principal = requirePrincipal(c)
      const { name } = c.req.valid('json')
      const now = new Date()
      const row = db.transaction((tx) => {
        const board = tx.insert(boards).values({ id: newBoardId(), name, createdAt: now, updatedAt: now, coverKnown: true }).returning().get()
        // Whoever creates a board owns it.
        if (principal.kind === 'user') tx.insert(boardMembers).values({ boardId: board.id, userId: principal.user.id, role: 'owner', createdAt: now }).run()
        return board
      })
      boardList.announce(row.id, 'created', principal.kind === 'user' ? [principal.user.id] : [])
      return c.json(toBoardResponse(row, 'owner'), 201)
    })
    .get('/:boardId', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      const row = db.select().from(boards).where(eq(boards.id, boardId)).get()
      if (!row) throw boardNotFound(boardId)
      return c.json(toBoardResponse(row, c.get('boardAccess').role), 200)
    })
    .patch(
      '/:boardId',
      jsonBodyLimit,
      validate('param', boardParamsSchema),
      validate('json', renameBoardRequestSchema),
      (c) => {
        const { boardId } = c.req.valid('param')
        const { name } = c.req.valid('json')
        const row = db
          .update(boards)
          .set({ name, updatedAt: new Date() })
          .where(eq(boards.id, boardId))
          .returning()
          .get()
        if (!row) throw boardNotFound(boardId)
        sync.boardRenamed(boardId, row.name)
        boardList.announce(boardId, 'renamed', memberIds(db, boardId))
        return c.json(toBoardResponse(row, c.get('boardAccess').role), 200)
      },
    )
    // Anyone who may open the board (viewers too, not review links) may copy it; see README "Duplicate".
    .post('/:boardId/duplicate', jsonBodyLimit, validate('param', boardParamsSchema), validate('json', duplicateBoardRequestSchema), (c) => {
      const { boardId } = c.req.valid('param')
      const { principal } = c.get('boardAccess')
      let copy: typeof boards.$inferSelect
      try {
        copy = duplicateBoard({ db, sync }, { boardId, principal, name: c.req.valid('json').name })
      } catch (error) {
        if (!(error instanceof BoardUnavailableError) || error.kind === 'stopping') throw error
        if (error.kind === 'missing') throw boardNotFound(boardId)
        throw new ApiError(ApiErrorCode.boardUnreadable, 'this board was written by a newer Storyloom and cannot be copied here', { cause: error })
      }
      boardList.announce(copy.id, 'created', principal.kind === 'user' ? [principal.user.id] : [])
      return c.json(toBoardResponse(copy, 'owner'), 201)
    })
    .delete('/:boardId', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      // Into "Recently deleted" (see /api/trash), everything kept. Marked first, so the board
      // cannot be reopened between closing its room and the mark.
      if (!moveBoardToTrash(db, boardId, new Date())) throw boardNotFound(boardId)
      sync.closeBoard(boardId, { keepEdits: true })
      boardList.announce(boardId, 'deleted', memberIds(db, boardId))
      // No worker spends time on its generations, nor writes to it; read at call time, so a test can stand in for it.
      generation.service.dropForDeletedBoard(boardId).catch((error: unknown) => console.error(`[generations] could not drop the generations of deleted board ${boardId}:`, error))
      return c.body(null, 204)
    })
}
