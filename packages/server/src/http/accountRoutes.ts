import { Hono } from 'hono'
import { z } from 'zod'
import type { AccountListResponse, DeletedAccountResponse } from '@storyloom/shared/api/accounts'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { AccountNotFoundError, AdminAccountError, deleteAccount, listAccounts } from '../auth/accountDeletion'
import type { User } from '../auth/accounts'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import type { BoardListHub } from '../events/boardListHub'
import type { SyncServer } from '../sync/createSyncServer'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { clearSessionCookie, requirePrincipal } from './sessionCookie'
import { validate } from './validate'

const accountParams = z.object({ userId: z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'not a valid account id') })

type Deps = {
  db: Db
  config: ServerConfig
  sync: Pick<SyncServer, 'membersChanged' | 'closeAccount'>
  boardList: Pick<BoardListHub, 'announce'>
}

/**
 * /api/accounts: the server's accounts. The admin lists them and deletes any but their own;
 * anyone deletes their own account. Deleting one ends its sessions and closes its open sync
 * connections at once; its boards stay (see deleteAccount).
 */
export function accountRoutes({ db, config, sync, boardList }: Deps) {
  /** The signed-in account (accounts mode only: local mode has none to administer). */
  const signedInUser = (c: Parameters<typeof requirePrincipal>[0]): User => {
    if (!config.authRequired) throw new ApiError(ApiErrorCode.accountsDisabled, 'this server runs in local mode: there are no accounts (see STORYLOOM_AUTH)')
    const principal = requirePrincipal(c)
    if (principal.kind !== 'user') throw new ApiError(ApiErrorCode.accountsDisabled, 'this server runs in local mode: there are no accounts')
    return principal.user
  }
  return new Hono<AuthEnv>()
    .get('/', (c) => {
      if (!signedInUser(c).isAdmin) throw new ApiError(ApiErrorCode.adminRequired, 'only the admin of this server can see its accounts')
      c.header('Cache-Control', 'no-store')
      return c.json({ accounts: listAccounts(db) } satisfies AccountListResponse, 200)
    })
    .delete('/:userId', validate('param', accountParams), (c) => {
      const caller = signedInUser(c)
      const { userId } = c.req.valid('param')
      const own = userId === caller.id
      if (!own && !caller.isAdmin) throw new ApiError(ApiErrorCode.adminRequired, 'only the admin of this server can delete other people’s accounts')
      let deleted
      try {
        deleted = deleteAccount(db, userId)
      } catch (error) {
        if (error instanceof AccountNotFoundError) throw new ApiError(ApiErrorCode.accountNotFound, 'there is no such account (it may have been deleted already)', { cause: error })
        if (error instanceof AdminAccountError) throw new ApiError(ApiErrorCode.adminAccount, 'the admin account cannot be deleted: it owns every board of this server', { cause: error })
        throw error
      }
      sync.closeAccount(userId)
      for (const boardId of deleted.boardIds) sync.membersChanged(boardId)
      for (const board of deleted.passedToAdmin) boardList.announce(board.id, 'access', [deleted.adminId])
      if (own) clearSessionCookie(c)
      return c.json({ boardsPassedToAdmin: deleted.passedToAdmin } satisfies DeletedAccountResponse, 200)
    })
}
