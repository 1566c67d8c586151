import { Hono } from 'hono'
import { z } from 'zod'
import { deleteAccountRequestSchema, type AccountListResponse, type CreatedPasswordResetResponse, type DeletedAccountResponse } from '@storyloom/shared/api/accounts'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { AccountNotFoundError, AdminAccountError, deleteAccount, listAccounts } from '../auth/accountDeletion'
import { createPasswordReset } from '../auth/passwordResets'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import type { BoardListHub } from '../events/boardListHub'
import type { SyncServer } from '../sync/createSyncServer'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import type { PasswordAttempts } from './passwordAttempts'
import { clearSessionCookie, signedInUser } from './sessionCookie'
import { validate } from './validate'

const accountParams = z.object({ userId: z.string().regex(/^[A-Za-z0-9_-]{16}$/, 'not a valid account id') })

type Deps = {
  db: Db
  config: ServerConfig
  sync: Pick<SyncServer, 'membersChanged' | 'closeAccount'>
  boardList: Pick<BoardListHub, 'announce'>
  passwordAttempts: PasswordAttempts
}

/**
 * /api/accounts: the server's accounts. The admin lists them, makes password reset links for
 * them and deletes any but their own; anyone deletes their own account, typing its password. Deleting one ends its sessions and
 * closes its open sync connections at once; its boards stay (see deleteAccount).
 */
export function accountRoutes({ db, config, sync, boardList, passwordAttempts }: Deps) {
  return new Hono<AuthEnv>()
    .get('/', (c) => {
      if (!signedInUser(c, config.authRequired).isAdmin) throw new ApiError(ApiErrorCode.adminRequired, 'only the admin of this server can see its accounts')
      c.header('Cache-Control', 'no-store')
      return c.json({ accounts: listAccounts(db) } satisfies AccountListResponse, 200)
    })
    .post('/:userId/password-reset', validate('param', accountParams), (c) => {
      if (!signedInUser(c, config.authRequired).isAdmin) throw new ApiError(ApiErrorCode.adminRequired, 'only the admin of this server can make password reset links')
      let reset
      try {
        reset = createPasswordReset(db, c.req.valid('param').userId)
      } catch (error) {
        if (error instanceof AccountNotFoundError) throw new ApiError(ApiErrorCode.accountNotFound, 'there is no such account (it may have been deleted)', { cause: error })
        throw error
      }
      c.header('Cache-Control', 'no-store')
      return c.json({ token: reset.token, expiresAt: reset.expiresAt.toISOString() } satisfies CreatedPasswordResetResponse, 201)
    })
    .delete('/:userId', jsonBodyLimit, validate('param', accountParams), validate('json', deleteAccountRequestSchema), async (c) => {
      const caller = signedInUser(c, config.authRequired)
      const { userId } = c.req.valid('param')
      const own = userId === caller.id
      if (!own && !caller.isAdmin) throw new ApiError(ApiErrorCode.adminRequired, 'only the admin of this server can delete other people’s accounts')
      // One's own account only with its password: a laptop left signed in cannot delete it. The
      // admin's own is refused below without asking (it cannot be deleted at all).
      if (own && !caller.isAdmin) {
        const { password } = c.req.valid('json')
        if (password === undefined) throw new ApiError(ApiErrorCode.wrongPassword, 'type your password to delete your account')
        if (!(await passwordAttempts.verify(c, caller.email, password, caller.passwordHash))) throw new ApiError(ApiErrorCode.wrongPassword, 'wrong password')
      }
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
