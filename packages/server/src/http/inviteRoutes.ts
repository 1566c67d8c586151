import { Hono } from 'hono'
import {
  inviteTokenRequestSchema,
  type AcceptInviteResponse,
  type InvitePreviewResponse,
} from '@storyloom/shared/api/accounts'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { lookUpInvite } from '../access/invites'
import { grantRole, roleOfUser } from '../access/memberships'
import type { Db } from '../db/openDatabase'
import type { BoardListHub } from '../events/boardListHub'
import type { SyncServer } from '../sync/createSyncServer'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { requirePrincipal } from './sessionCookie'
import { validate } from './validate'

function validInvite(db: Db, token: string) {
  const invite = lookUpInvite(db, token)
  if (invite.kind === 'expired') throw new ApiError(ApiErrorCode.inviteExpired, 'this invite link has expired; ask the board owner for a new one')
  if (invite.kind === 'unknown') throw new ApiError(ApiErrorCode.inviteInvalid, 'this invite link is not valid (it may have been revoked)')
  return invite
}

/**
 * /api/invites/preview and /api/invites/accept. The token travels in the body: a URL would
 * put it in logs and Referer headers.
 */
export function inviteRoutes({ db, sync, boardList }: { db: Db; sync: Pick<SyncServer, 'updateAccess'>; boardList: Pick<BoardListHub, 'announce'> }) {
  return new Hono<AuthEnv>()
    .post('/preview', jsonBodyLimit, validate('json', inviteTokenRequestSchema), (c) => {
      const invite = validInvite(db, c.req.valid('json').token)
      const body: InvitePreviewResponse = {
        boardId: invite.boardId,
        boardName: invite.boardName,
        role: invite.role,
        expiresAt: invite.expiresAt.toISOString(),
      }
      return c.json(body, 200)
    })
    .post('/accept', jsonBodyLimit, validate('json', inviteTokenRequestSchema), (c) => {
      const principal = requirePrincipal(c)
      const invite = validInvite(db, c.req.valid('json').token)
      if (principal.kind === 'local') return c.json({ boardId: invite.boardId, role: 'owner' } satisfies AcceptInviteResponse, 200)
      grantRole(db, invite.boardId, principal.user.id, invite.role)
      const role = roleOfUser(db, principal.user.id, invite.boardId) ?? invite.role
      sync.updateAccess(invite.boardId, principal.user.id, role)
      boardList.announce(invite.boardId, 'access', [principal.user.id])
      return c.json({ boardId: invite.boardId, role } satisfies AcceptInviteResponse, 200)
    })
}
