import { Hono } from 'hono'
import {
  inviteTokenRequestSchema,
  type AcceptInviteResponse,
  type InvitePreviewResponse,
} from '@storyloom/shared/api/accounts'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { acceptInvite, previewInvite, type InviteAcceptance, type InviteLookup } from '../access/invites'
import type { Db } from '../db/openDatabase'
import type { BoardListHub } from '../events/boardListHub'
import type { SyncServer } from '../sync/createSyncServer'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { requirePrincipal } from './sessionCookie'
import { validate } from './validate'

type Refused = { kind: 'expired' | 'unknown' | 'usedByOther' }

/** Why an invite link opens nothing, in words for the person holding it. */
export const inviteRefusals = {
  expired: { code: ApiErrorCode.inviteExpired, message: 'this invite link has expired; ask the board owner for a new one' },
  usedByOther: { code: ApiErrorCode.inviteUsed, message: 'this invite link was already used: each link lets one person join; ask the board owner for a new one' },
  unknown: { code: ApiErrorCode.inviteInvalid, message: 'this invite link is not valid: it was revoked, or is not a Storyloom invite' },
} as const satisfies Record<Refused['kind'], { code: ApiErrorCode; message: string }>

function validInvite<T extends InviteLookup | InviteAcceptance | Refused>(invite: T): Exclude<T, Refused> {
  if (invite.kind in inviteRefusals) {
    const { code, message } = inviteRefusals[invite.kind as Refused['kind']]
    throw new ApiError(code, message)
  }
  return invite as Exclude<T, Refused>
}

/**
 * /api/invites/preview and /api/invites/accept. The token travels in the body: a URL would
 * put it in logs and Referer headers.
 */
export function inviteRoutes({ db, sync, boardList }: { db: Db; sync: Pick<SyncServer, 'updateAccess' | 'membersChanged'>; boardList: Pick<BoardListHub, 'announce'> }) {
  return new Hono<AuthEnv>()
    .post('/preview', jsonBodyLimit, validate('json', inviteTokenRequestSchema), (c) => {
      const invite = validInvite(previewInvite(db, c.req.valid('json').token, c.get('principal')))
      const body: InvitePreviewResponse = {
        boardId: invite.boardId,
        boardName: invite.boardName,
        role: invite.role,
        expiresAt: invite.expiresAt.toISOString(),
        usedAt: invite.kind === 'used' ? invite.usedAt.toISOString() : null,
      }
      return c.json(body, 200)
    })
    .post('/accept', jsonBodyLimit, validate('json', inviteTokenRequestSchema), (c) => {
      const principal = requirePrincipal(c)
      const { token } = c.req.valid('json')
      if (principal.kind === 'local') return c.json({ boardId: validInvite(previewInvite(db, token, principal)).boardId, role: 'owner' } satisfies AcceptInviteResponse, 200)
      const { boardId, role, changed } = validInvite(acceptInvite(db, token, principal))
      if (changed) {
        sync.updateAccess(boardId, principal.user.id, role)
        sync.membersChanged(boardId)
        boardList.announce(boardId, 'access', [principal.user.id])
      }
      return c.json({ boardId, role } satisfies AcceptInviteResponse, 200)
    })
}
