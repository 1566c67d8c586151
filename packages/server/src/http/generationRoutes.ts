import { Hono } from 'hono'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import {
  createGenerationsRequestSchema,
  generationIdSchema,
  generationListQuerySchema,
  IDEMPOTENCY_KEY_HEADER,
  idempotencyKeySchema,
  type CreateGenerationsResponse,
  type GenerationListResponse,
} from '@storyloom/shared/generation/api'
import type { BoardEvent } from '@storyloom/shared/events/boardEvents'
import type { BoardEventHub } from '../events/boardEventHub'
import type { GenerationService } from '../generation/generationService'
import { BoardUnavailableError } from '../sync/createSyncServer'
import type { Db } from '../db/openDatabase'
import { boardAccessStillHolds } from './boardAccess'
import { boardParamsSchema } from './boardRoutes'
import { ApiError, boardNotFound } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { streamEvents } from './eventStream'
import type { AuthEnv } from './authEnv'
import type { IdentifyRequester } from './requester'
import { validate } from './validate'

const generationParamsSchema = boardParamsSchema.extend({ generationId: generationIdSchema })

async function onBoard<T>(boardId: string, run: () => Promise<T>): Promise<T> {
  try {
    return await run()
  } catch (error) {
    if (error instanceof BoardUnavailableError) throw boardNotFound(boardId)
    throw error
  }
}

/** /api/boards/:boardId/generations and /api/boards/:boardId/events (see docs/generation-api.md). */
/**
 * Board access (viewer to read, editor to generate or cancel) is checked where createApp mounts
 * it; the event stream checks again before every event and keepalive, and ends once the caller
 * lost it (removed from the board, signed out, board deleted).
 */
export function generationRoutes({ db, service, events, identify }: { db: Db; service: GenerationService; events: BoardEventHub; identify: IdentifyRequester }) {
  return new Hono<AuthEnv>()
    .post('/:boardId/generations', jsonBodyLimit, validate('param', boardParamsSchema), validate('json', createGenerationsRequestSchema), async (c) => {
      const { boardId } = c.req.valid('param')
      const rawKey = c.req.header(IDEMPOTENCY_KEY_HEADER)
      const key = rawKey === undefined ? undefined : idempotencyKeySchema.safeParse(rawKey)
      if (key && !key.success) throw new ApiError(ApiErrorCode.invalidRequest, `${IDEMPOTENCY_KEY_HEADER}: ${key.error.issues[0]?.message ?? 'invalid'}`)
      const generations = await onBoard(boardId, () => service.create(boardId, c.req.valid('json'), identify(c), key?.data))
      return c.json({ generations } satisfies CreateGenerationsResponse, 202)
    })
    .get('/:boardId/generations', validate('param', boardParamsSchema), validate('query', generationListQuerySchema), async (c) => {
      const { boardId } = c.req.valid('param')
      return c.json({ generations: await service.list(boardId, c.req.valid('query')) } satisfies GenerationListResponse, 200)
    })
    .get('/:boardId/generations/:generationId', validate('param', generationParamsSchema), async (c) => {
      const { boardId, generationId } = c.req.valid('param')
      return c.json(await service.get(boardId, generationId), 200)
    })
    .post('/:boardId/generations/:generationId/cancel', validate('param', generationParamsSchema), async (c) => {
      const { boardId, generationId } = c.req.valid('param')
      return c.json(await service.cancel(boardId, generationId, identify(c)), 202)
    })
    .get('/:boardId/events', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      const allowed = boardAccessStillHolds(db, c, boardId)
      return streamEvents<BoardEvent>(c, { subscribe: (send) => events.subscribe(boardId, send), allowed, closed: events.closed })
    })
}

