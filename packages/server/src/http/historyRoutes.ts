import { Hono } from 'hono'
import { boardParamsSchema } from './boardRoutes'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import {
  createBoardSnapshotRequestSchema,
  restoreBoardSnapshotRequestSchema,
  snapshotPathSchema,
  type BoardSnapshot,
  type BoardSnapshotListResponse,
  type RestoreBoardSnapshotResponse,
} from '@storyloom/shared/api/history'
import { authorOf } from '../access/principal'
import type { Db } from '../db/openDatabase'
import type { BoardHistoryStore } from '../history/boardHistoryStore'
import { recordsOfSnapshot, replaceBoardRecords, SnapshotUnrestorableError } from '../history/snapshotRecords'
import type { SyncServer } from '../sync/createSyncServer'
import { ServerChangeRefusedError } from '../sync/serverChange'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { requireBoard } from './requireBoard'
import { validate } from './validate'

/** In local mode, a person is who their browser says they are. */

function snapshotNotFound(snapshotId: string): ApiError {
  return new ApiError(ApiErrorCode.snapshotNotFound, `snapshot ${snapshotId} does not exist on this board`)
}

/** /api/boards/:boardId/history: named snapshots of the whole board, opened read-only or restored. */
export function historyRoutes({
  db,
  history,
  sync,
}: {
  db: Db
  history: BoardHistoryStore
  sync: Pick<SyncServer, 'boardState' | 'changeBoard'>
}) {
  return new Hono<AuthEnv>()
    .get('/:boardId/history', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      requireBoard(db, boardId)
      return c.json({ snapshots: history.list(boardId) } satisfies BoardSnapshotListResponse, 200)
    })
    .post('/:boardId/history', jsonBodyLimit, validate('param', boardParamsSchema), validate('json', createBoardSnapshotRequestSchema), (c) => {
      const { boardId } = c.req.valid('param')
      const { name, author: claimed } = c.req.valid('json')
      requireBoard(db, boardId)
      const author = authorOf(c.get('boardAccess').principal, claimed)
      const snapshot = history.add({ boardId, name, reason: 'manual', state: sync.boardState(boardId), author })
      return c.json(snapshot satisfies BoardSnapshot, 201)
    })
    .get('/:boardId/history/:snapshotId/state', validate('param', snapshotPathSchema), (c) => {
      const { boardId, snapshotId } = c.req.valid('param')
      requireBoard(db, boardId)
      const state = history.state(boardId, snapshotId)
      if (!state) throw snapshotNotFound(snapshotId)
      c.header('Content-Type', 'application/octet-stream')
      c.header('Cache-Control', 'private, max-age=31536000, immutable')
      return c.body(state.slice().buffer, 200)
    })
    .post(
      '/:boardId/history/:snapshotId/restore',
      jsonBodyLimit,
      validate('param', snapshotPathSchema),
      validate('json', restoreBoardSnapshotRequestSchema),
      (c) => {
        const { boardId, snapshotId } = c.req.valid('param')
        const author = authorOf(c.get('boardAccess').principal, c.req.valid('json').author)
        requireBoard(db, boardId)
        const restored = history.get(boardId, snapshotId)
        const state = history.state(boardId, snapshotId)
        if (!restored || !state) throw snapshotNotFound(snapshotId)
        try {
          const records = recordsOfSnapshot(state)
          // Keep what the restore replaces first: undoing a restore is restoring this backup.
          const backup = history.add({
            boardId,
            name: `Before restoring “${restored.name}”`,
            reason: 'before-restore',
            state: sync.boardState(boardId),
            author,
          })
          sync.changeBoard(boardId, (doc) => replaceBoardRecords(doc, records))
          return c.json({ restored, backup } satisfies RestoreBoardSnapshotResponse, 200)
        } catch (error) {
          if (error instanceof SnapshotUnrestorableError || error instanceof ServerChangeRefusedError) {
            throw new ApiError(ApiErrorCode.snapshotUnrestorable, error.message, { cause: error })
          }
          throw error
        }
      },
    )
}
