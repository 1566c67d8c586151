import { Hono } from 'hono'
import { z } from 'zod'
import {
  changeRoleRequestSchema,
  createInviteRequestSchema,
  type BoardAccessResponse,
  type CreatedInviteResponse,
  type MemberListResponse,
} from '@storyloom/shared/api/accounts'
import { boardIdSchema } from '@storyloom/shared/api/boards'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { createInvite, listInvites, revokeInvite } from '../access/invites'
import { changeMember, LastOwnerError, listMembers, roleOfUser } from '../access/memberships'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import type { BoardListHub } from '../events/boardListHub'
import type { SyncServer } from '../sync/createSyncServer'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { validate } from './validate'

const idSchema = z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'not a valid id')
const memberParams = z.object({ boardId: boardIdSchema, userId: idSchema })
const inviteParams = z.object({ boardId: boardIdSchema, inviteId: idSchema })

/**
 * /api/boards/:boardId/{access,members,invites}: the caller's role, the member list (every
 * member sees it, for @mentions), role changes, removals and invite links (owners; the board
 * access middleware enforces who may call what).
 */
export function memberRoutes({
  db,
  config,
  sync,
  boardList,
}: {
  db: Db
  config: ServerConfig
  sync: Pick<SyncServer, 'updateAccess' | 'membersChanged'>
  boardList: Pick<BoardListHub, 'announce'>
}) {
  /**
   * A member's role changed or they left: their open sockets and their board list follow at once,
   * and everyone with the board open is told its members changed.
   */
  const applyToOpenConnections = (boardId: string, userId: string) => {
    sync.updateAccess(boardId, userId, roleOfUser(db, userId, boardId))
    sync.membersChanged(boardId)
    boardList.announce(boardId, 'access', [userId])
  }
  const changeOrRefuse = (boardId: string, userId: string, role: Parameters<typeof changeMember>[3]) => {
    let before: ReturnType<typeof changeMember>
    try {
      before = changeMember(db, boardId, userId, role)
    } catch (error) {
      if (error instanceof LastOwnerError) throw new ApiError(ApiErrorCode.lastOwner, error.message, { cause: error })
      throw error
    }
    if (!before) throw new ApiError(ApiErrorCode.memberNotFound, `this board has no member ${userId}`)
    // The role they already had: nothing changed, so nobody is told it did.
    if (before !== role) applyToOpenConnections(boardId, userId)
  }

  return new Hono<AuthEnv>()
    .get('/:boardId/access', (c) => c.json({ role: c.get('boardAccess').role } satisfies BoardAccessResponse, 200))
    .get('/:boardId/members', validate('param', z.object({ boardId: boardIdSchema })), (c) => {
      const { boardId } = c.req.valid('param')
      return c.json({ members: listMembers(db, boardId) } satisfies MemberListResponse, 200)
    })
    .patch('/:boardId/members/:userId', jsonBodyLimit, validate('param', memberParams), validate('json', changeRoleRequestSchema), (c) => {
      const { boardId, userId } = c.req.valid('param')
      changeOrRefuse(boardId, userId, c.req.valid('json').role)
      return c.json({ members: listMembers(db, boardId) } satisfies MemberListResponse, 200)
    })
    .delete('/:boardId/members/:userId', validate('param', memberParams), (c) => {
      const { boardId, userId } = c.req.valid('param')
      changeOrRefuse(boardId, userId, null)
      return c.body(null, 204)
    })
    .get('/:boardId/invites', validate('param', z.object({ boardId: boardIdSchema })), (c) => {
      return c.json({ invites: listInvites(db, c.req.valid('param').boardId) }, 200)
    })
    .post('/:boardId/invites', jsonBodyLimit, validate('param', z.object({ boardId: boardIdSchema })), validate('json', createInviteRequestSchema), (c) => {
      if (!config.authRequired) {
        throw new ApiError(ApiErrorCode.accountsDisabled, 'this server runs in local mode: there are no accounts to invite (see STORYLOOM_AUTH)')
      }
      const { principal } = c.get('boardAccess')
      const { boardId } = c.req.valid('param')
      const invite = createInvite(db, { boardId, ...c.req.valid('json'), createdBy: principal.kind === 'user' ? principal.user.id : null })
      sync.membersChanged(boardId) // other owners' open lists of invite links
      return c.json(invite satisfies CreatedInviteResponse, 201)
    })
    .delete('/:boardId/invites/:inviteId', validate('param', inviteParams), (c) => {
      const { boardId, inviteId } = c.req.valid('param')
      if (!revokeInvite(db, boardId, inviteId)) throw new ApiError(ApiErrorCode.inviteNotFound, `this board has no open invite ${inviteId}`)
      sync.membersChanged(boardId)
      return c.body(null, 204)
    })
}
