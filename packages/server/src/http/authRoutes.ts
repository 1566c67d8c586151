import { Hono, type MiddlewareHandler } from 'hono'
import { getCookie } from 'hono/cookie'
import {
  changePasswordRequestSchema,
  signInRequestSchema,
  SIGN_UP_BY_INVITATION,
  signUpRequestSchema,
  type SessionResponse,
  type UserResponse,
} from '@storyloom/shared/api/accounts'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { PASSWORD_CHANGED_REASON } from '@storyloom/shared/protocol/syncProtocol'
import {
  createSession,
  createUser,
  deleteSession,
  EmailTakenError,
  findUserByEmail,
  noAccountYet,
  replacePassword,
  SESSION_COOKIE,
  toUserResponse,
} from '../auth/accounts'
import { hashPassword } from '../auth/passwordHash'
import { joinWithInvite } from '../access/invites'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import type { BoardListHub } from '../events/boardListHub'
import type { SyncServer } from '../sync/createSyncServer'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { inviteRefusals } from './inviteRoutes'
import { jsonBodyLimit } from './jsonBodyLimit'
import type { PasswordAttempts } from './passwordAttempts'
import { clientAddress, RateLimiter } from './rateLimit'
import { clearSessionCookie, setSessionCookie, signedInUser } from './sessionCookie'
import { validate } from './validate'

/** Refuses routes about passwords and sessions on a server in local mode. */
export function accountsOn(config: ServerConfig): void {
  if (!config.authRequired) {
    throw new ApiError(ApiErrorCode.accountsDisabled, 'this server runs in local mode: nobody signs in (see STORYLOOM_AUTH)')
  }
}

/** Answers about who is signed in, and those setting a session cookie, are never kept by a cache. */
export const noStore: MiddlewareHandler = async (c, next) => {
  await next()
  c.header('Cache-Control', 'no-store')
}

type Deps = {
  db: Db
  config: ServerConfig
  sync: Pick<SyncServer, 'updateAccess' | 'membersChanged' | 'closeEndedSessions'>
  boardList: Pick<BoardListHub, 'announce'>
  passwordAttempts: PasswordAttempts
}

/** /api/session and /api/auth/*: who is signed in; sign up, sign in, sign out; changing one's password. */
export function authRoutes({ db, config, sync, boardList, passwordAttempts }: Deps) {
  const byInvitation = () => config.signUp === 'invite' && !noAccountYet(db)
  const signUpLimit = new RateLimiter(config.rateLimits.signUp)
  return new Hono<AuthEnv>()
    .get('/session', noStore, (c) => {
      const principal = c.get('principal')
      const body: SessionResponse = {
        mode: config.authRequired ? 'accounts' : 'local',
        user: principal?.kind === 'user' ? toUserResponse(principal.user) : null,
        signUp: byInvitation() ? 'invite' : 'open',
      }
      return c.json(body, 200)
    })
    .post('/auth/sign-up', noStore, jsonBodyLimit, validate('json', signUpRequestSchema), async (c) => {
      accountsOn(config)
      signUpLimit.hit(c, clientAddress(c), 'sign-ups from this address')
      const { email, password, name, inviteToken } = c.req.valid('json')
      // Refused before the slow hash when it cannot succeed; checked again with the account below.
      if (byInvitation() && !inviteToken) throw new ApiError(ApiErrorCode.signUpByInvitation, SIGN_UP_BY_INVITATION)
      let user
      let joined: { boardId: string; role: BoardRole } | undefined
      try {
        // The invite is used up in the account's own transaction: a used, forged or expired link
        // creates no account, and two people signing up with one link cannot both get in.
        user = createUser(db, { email, name, passwordHash: await hashPassword(password) }, (created, first) => {
          const invited = config.signUp === 'invite' && !first
          if (invited && !inviteToken) throw new ApiError(ApiErrorCode.signUpByInvitation, SIGN_UP_BY_INVITATION)
          // With open sign-up, an invite link signed up from joins its board too (no second click);
          // one that opens nothing leaves the account made, and the invite page says why.
          if (!inviteToken || first) return
          const invite = joinWithInvite(db, inviteToken, { kind: 'user', user: created })
          if (invite.kind === 'joined') joined = invite
          else if (invited) throw new ApiError(ApiErrorCode.signUpByInvitation, `${inviteRefusals[invite.kind].message}. ${SIGN_UP_BY_INVITATION}`)
        })
      } catch (error) {
        if (error instanceof EmailTakenError) throw new ApiError(ApiErrorCode.emailTaken, 'an account with this email already exists; sign in instead')
        throw error
      }
      if (joined) {
        sync.updateAccess(joined.boardId, user.id, joined.role)
        sync.membersChanged(joined.boardId)
        boardList.announce(joined.boardId, 'access', [user.id])
      }
      const session = createSession(db, user.id)
      setSessionCookie(c, session.token, session.expiresAt)
      return c.json(toUserResponse(user) satisfies UserResponse, 201)
    })
    .post('/auth/sign-in', noStore, jsonBodyLimit, validate('json', signInRequestSchema), async (c) => {
      accountsOn(config)
      const { email, password } = c.req.valid('json')
      const user = findUserByEmail(db, email)
      if (!(await passwordAttempts.verify(c, email, password, user?.passwordHash)) || !user) {
        throw new ApiError(ApiErrorCode.invalidCredentials, 'wrong email or password')
      }
      const session = createSession(db, user.id)
      setSessionCookie(c, session.token, session.expiresAt)
      return c.json(toUserResponse(user) satisfies UserResponse, 200)
    })
    .post('/auth/password', noStore, jsonBodyLimit, validate('json', changePasswordRequestSchema), async (c) => {
      const user = signedInUser(c, config.authRequired)
      const { currentPassword, newPassword } = c.req.valid('json')
      if (!(await passwordAttempts.verify(c, user.email, currentPassword, user.passwordHash))) {
        throw new ApiError(ApiErrorCode.wrongPassword, 'wrong password')
      }
      // The session cookie is there: signedInUser found the account through it.
      replacePassword(db, user.id, await hashPassword(newPassword), getCookie(c, SESSION_COOKIE)!)
      sync.closeEndedSessions(user.id, PASSWORD_CHANGED_REASON)
      return c.body(null, 204)
    })
    .post('/auth/sign-out', noStore, (c) => {
      const token = getCookie(c, SESSION_COOKIE)
      if (token) deleteSession(db, token)
      clearSessionCookie(c)
      return c.body(null, 204)
    })
}
