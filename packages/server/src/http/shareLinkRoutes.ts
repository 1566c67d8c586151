import { Hono } from 'hono'
import { z } from 'zod'
import { boardIdSchema } from '@storyloom/shared/api/boards'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { createShareLinkRequestSchema, revokeShareLinkRequestSchema, shareLinkIdSchema, type ShareLinkListResponse } from '@storyloom/shared/review/shareLinks'
import type { Db } from '../db/openDatabase'
import type { SyncServer } from '../sync/createSyncServer'
import { reviewConnectionId } from '../sync/reviewAuthorize'
import { hashPasscode } from '../review/passcodeHash'
import { createShareLink, listShareLinks, revokeShareLink, toShareLinkResponse } from '../review/shareLinkStore'
import { teamCaller } from '../review/teamAccess'
import type { AuthEnv } from './authEnv'
import { boardParamsSchema } from './boardRoutes'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { requireBoard } from './requireBoard'
import { validate } from './validate'

const linkParamsSchema = z.object({ boardId: boardIdSchema, linkId: shareLinkIdSchema })

/**
 * /api/boards/:boardId/share-links: the team (editors) creates, lists and revokes client-review
 * links. Revoking also closes the link's open presentations, and keeps when and by whom.
 */
export function shareLinkRoutes({ db, sync }: { db: Db; sync: Pick<SyncServer, 'updateAccess'> }) {
  return new Hono<AuthEnv>()
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
          createdBy: teamCaller(c).id,
        }, now)
        return c.json(toShareLinkResponse(row, now), 201)
      },
    )
    .delete('/:boardId/share-links/:linkId', jsonBodyLimit, validate('param', linkParamsSchema), validate('json', revokeShareLinkRequestSchema), (c) => {
      const { boardId, linkId } = c.req.valid('param')
      const { authorName } = c.req.valid('json')
      requireBoard(db, boardId)
      // The team is told who turned it off: a member by their account, in local mode by the name their device sent.
      const row = revokeShareLink(db, boardId, linkId, teamCaller(c).name ?? authorName ?? null)
      if (!row) throw new ApiError(ApiErrorCode.shareLinkNotFound, `board ${boardId} has no share link ${linkId}`)
      // Reviewers watching right now lose the board too, not only at their next visit.
      sync.updateAccess(boardId, reviewConnectionId(linkId), undefined)
      return c.json(toShareLinkResponse(row), 200)
    })
}
