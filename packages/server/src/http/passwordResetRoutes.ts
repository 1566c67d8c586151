import { Hono, type Context } from 'hono'
import {
  passwordResetRequestSchema,
  passwordResetTokenRequestSchema,
  type PasswordResetPreviewResponse,
  type UserResponse,
} from '@storyloom/shared/api/accounts'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { PASSWORD_CHANGED_REASON } from '@storyloom/shared/protocol/syncProtocol'
import { toUserResponse } from '../auth/accounts'
import { hashPassword } from '../auth/passwordHash'
import { lookUpPasswordReset, resetPassword, type PasswordResetLookup, type PasswordResetResult } from '../auth/passwordResets'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import type { SyncServer } from '../sync/createSyncServer'
import type { AuthEnv } from './authEnv'
import { accountsOn, noStore } from './authRoutes'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import type { PasswordAttempts } from './passwordAttempts'
import { setSessionCookie } from './sessionCookie'
import { validate } from './validate'

type Refused = Exclude<PasswordResetLookup, { kind: 'valid' }>

/** Why a password reset link sets nothing, in words for the person holding it. */
const resetRefusals = {
  used: { code: ApiErrorCode.passwordResetUsed, message: 'this password reset link was already used: each link works once; ask the admin for a new one' },
  expired: { code: ApiErrorCode.passwordResetExpired, message: 'this password reset link has expired; ask the admin for a new one' },
  unknown: {
    code: ApiErrorCode.passwordResetInvalid,
    message: 'this password reset link is not valid: a newer one was made, or it is not a Storyloom link; ask the admin for a new one',
  },
} as const satisfies Record<Refused['kind'], { code: ApiErrorCode; message: string }>

function opened<T extends PasswordResetLookup | PasswordResetResult>(reset: T): Exclude<T, Refused> {
  if (reset.kind in resetRefusals) {
    const { code, message } = resetRefusals[reset.kind as Refused['kind']]
    throw new ApiError(code, message)
  }
  return reset as Exclude<T, Refused>
}

type Deps = { db: Db; config: ServerConfig; sync: Pick<SyncServer, 'closeEndedSessions'>; passwordAttempts: PasswordAttempts }

/**
 * /api/auth/password-reset: using a password reset link the admin made (see
 * auth/passwordResets.ts). The token travels in the body, never a URL. A link that opens nothing
 * counts as a failed password attempt of the address, so guessing is held to sign-in's limit.
 */
export function passwordResetRoutes({ db, config, sync, passwordAttempts }: Deps) {
  /** The link's lookup, or its refusal; only a live link gives its attempt back. */
  const lookUp = (c: Context<AuthEnv>, token: string) => {
    accountsOn(config)
    const giveBack = passwordAttempts.takeLinkAttempt(c)
    const reset = opened(lookUpPasswordReset(db, token))
    giveBack()
    return reset
  }
  return new Hono<AuthEnv>()
    .post('/preview', noStore, jsonBodyLimit, validate('json', passwordResetTokenRequestSchema), (c) => {
      const { user, expiresAt } = lookUp(c, c.req.valid('json').token)
      return c.json({ email: user.email, name: user.name, expiresAt: expiresAt.toISOString() } satisfies PasswordResetPreviewResponse, 200)
    })
    .post('/', noStore, jsonBodyLimit, validate('json', passwordResetRequestSchema), async (c) => {
      const { token, newPassword } = c.req.valid('json')
      lookUp(c, token) // refused before the slow hash when it cannot succeed; checked again as it is used
      const { user, session } = opened(resetPassword(db, token, await hashPassword(newPassword)))
      sync.closeEndedSessions(user.id, PASSWORD_CHANGED_REASON)
      setSessionCookie(c, session.token, session.expiresAt)
      return c.json(toUserResponse(user) satisfies UserResponse, 200)
    })
}
