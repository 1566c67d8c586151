import { Hono } from 'hono'
import { z } from 'zod'
import { boardIdSchema } from '@storyloom/shared/api/boards'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { createShareLinkRequestSchema, shareLinkIdSchema, type ShareLinkListResponse } from '@storyloom/shared/review/shareLinks'
import type { Db } from '../db/openDatabase'
import { hashPasscode } from '../review/passcodeHash'
import { createShareLink, listShareLinks, revokeShareLink, toShareLinkResponse } from '../review/shareLinkStore'
import { teamCaller } from '../review/teamAccess'
import { boardParamsSchema } from './boardRoutes'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { requireBoard } from './requireBoard'
import { validate } from './validate'

const linkParamsSchema = z.object({ boardId: boardIdSchema, linkId: shareLinkIdSchema })

/** /api/boards/:boardId/share-links: the team creates, lists and revokes client-review links. */
export function shareLinkRoutes({ db }: { db: Db }) {
  return new Hono()
    .get('/:boardId/share-links', validate('param', boardParamsSchema), (c) => {
      const { boardId } = c.req.valid('param')
      requireBoard(db, boardId)
      const now = new Date()
      return c.json({ links: listShareLinks(db, boardId).map((row) => toShareLinkResponse(row, now)) } satisfies ShareLinkListResponse, 200)
    })
    .post(
      '/:boardId/share-links',
      jsonBodyLimit,
      validate('param', boardParamsSchema),
      validate('json', createShareLinkRequestSchema),
      async (c) => {
        const { boardId } = c.req.valid('param')
        const { label, expiresAt, passcode } = c.req.valid('json')
        requireBoard(db, boardId)
        const now = new Date()
        const expiry = expiresAt === null ? null : new Date(expiresAt)
        if (expiry && expiry.getTime() <= now.getTime()) {
          throw new ApiError(ApiErrorCode.invalidExpiry, 'the expiry time must be in the future')
        }
        const row = createShareLink(db, {
          boardId,
          label,
          expiresAt: expiry,
          passcodeHash: passcode === null ? null : await hashPasscode(passcode),
          createdBy: teamCaller(c, undefined).id,
        }, now)
        return c.json(toShareLinkResponse(row, now), 201)
      },
    )
    .delete('/:boardId/share-links/:linkId', validate('param', linkParamsSchema), (c) => {
      const { boardId, linkId } = c.req.valid('param')
      requireBoard(db, boardId)
      const row = revokeShareLink(db, boardId, linkId)
      if (!row) throw new ApiError(ApiErrorCode.shareLinkNotFound, `board ${boardId} has no share link ${linkId}`)
      return c.json(toShareLinkResponse(row), 200)
    })
}
