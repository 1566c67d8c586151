import { Hono } from 'hono'
import { roleRefusal } from '@storyloom/shared/access/roles'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import type { DeletedBoardListResponse, DeletedBoardResponse } from '@storyloom/shared/api/boards'
import { memberIds, roleOnBoard } from '../access/memberships'
import type { Principal } from '../access/principal'
import type { AssetStore } from '../assets/assetStore'
import { deleteBoardForever, listTrash, purgeTime, restoreBoardFromTrash, trashedBoard, type BoardRow } from '../boards/boardTrash'
import type { Db } from '../db/openDatabase'
import type { BoardListHub } from '../events/boardListHub'
import type { AuthEnv } from './authEnv'
import { boardParamsSchema, toBoardResponse } from './boardRoutes'
import { ApiError, boardNotFound } from './errors'
import { requirePrincipal } from './sessionCookie'
import { validate } from './validate'

function toDeletedBoardResponse(row: BoardRow, trashDays: number): DeletedBoardResponse {
  // Only rows with `deleted_at` reach here (boards/boardTrash.ts selects them so).
  const deletedAt = row.deletedAt ?? new Date(0)
  return { ...toBoardResponse(row, 'owner'), deletedAt: deletedAt.toISOString(), purgeAt: purgeTime(deletedAt, trashDays).toISOString() }
}

/**
 * The board in the trash, if the caller may restore or delete it forever: they own it (or are
 * the admin, or in local mode). Someone not on it gets `board_not_found`: the trash shows
 * non-members nothing, not even that the board exists; other members get `role_required`.
 */
function requireTrashOwner(db: Db, principal: Principal, boardId: string): BoardRow {
  const row = trashedBoard(db, boardId)
  const role = row ? roleOnBoard(db, principal, boardId) : undefined
  if (!row || !role) throw boardNotFound(boardId)
  const refusal = roleRefusal(role, 'owner')
  if (refusal) throw new ApiError(ApiErrorCode.roleRequired, refusal)
  return row
}

/** /api/trash: "Recently deleted" — the caller's deleted boards, restoring one, deleting one forever. */
export function trashRoutes({
  db,
  config,
  assets,
  boardList,
}: {
  db: Db
  config: { trashDays: number }
  assets: Pick<AssetStore, 'removeUnreferenced'>
  boardList: Pick<BoardListHub, 'announce'>
}) {
  return new Hono<AuthEnv>()
    .get('/', (c) => {
      const rows = listTrash(db, requirePrincipal(c))
      return c.json({ boards: rows.map((row) => toDeletedBoardResponse(row, config.trashDays)) } satisfies DeletedBoardListResponse, 200)
    })
    .post('/:boardId/restore', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      const principal = requirePrincipal(c)
      requireTrashOwner(db, principal, boardId)
      const row = restoreBoardFromTrash(db, boardId)
      // Restored by someone else meanwhile: it is not in the trash any more.
      if (!row) throw boardNotFound(boardId)
      boardList.announce(boardId, 'restored', memberIds(db, boardId))
      return c.json(toBoardResponse(row, roleOnBoard(db, principal, boardId) ?? 'owner'), 200)
    })
    .delete('/:boardId', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      requireTrashOwner(db, requirePrincipal(c), boardId)
      // Who saw it, read before its memberships go with it.
      const members = memberIds(db, boardId)
      if (!deleteBoardForever(db, boardId)) throw boardNotFound(boardId)
      boardList.announce(boardId, 'deleted', members)
      // Its files go too, unless another board uploaded the same bytes; off the request path.
      assets.removeUnreferenced().catch((error: unknown) => console.error(`[assets] cleaning up after deleting board ${boardId} forever failed:`, error))
      return c.body(null, 204)
    })
}
