/**
 * Password reset links: the admin makes one for an account and sends it by their own means (a
 * self-hosted server has no mail); whoever opens it sets the account's new password, once.
 * Only the SHA-256 of a link's token is stored, as for sessions and invites.
 */
import { and, eq, isNull } from 'drizzle-orm'
import { PASSWORD_RESET_HOURS } from '@storyloom/shared/api/accounts'
import type { Db } from '../db/openDatabase'
import { passwordResets, users } from '../db/schema'
import { AccountNotFoundError } from './accountDeletion'
import { createSession, replacePassword, type User } from './accounts'
import { hashToken, newId, newSecretToken } from './secretToken'

/**
 * Makes a reset link for `userId`; the token is returned once. The account's older unused links
 * are deleted in the same transaction: only the newest one sent works. Throws
 * {@link AccountNotFoundError}.
 */
export function createPasswordReset(db: Db, userId: string, now = new Date()): { token: string; expiresAt: Date } {
  const token = newSecretToken()
  const expiresAt = new Date(now.getTime() + PASSWORD_RESET_HOURS * 3_600_000)
  db.transaction((tx) => {
    if (!tx.select({ id: users.id }).from(users).where(eq(users.id, userId)).get()) throw new AccountNotFoundError(`there is no account ${userId}`)
    tx.delete(passwordResets).where(and(eq(passwordResets.userId, userId), isNull(passwordResets.usedAt))).run()
    tx.insert(passwordResets).values({ id: newId(), tokenHash: hashToken(token), userId, createdAt: now, expiresAt }).run()
  }, { behavior: 'immediate' })
  return { token, expiresAt }
}

export type PasswordResetLookup =
  | { kind: 'valid'; user: User; expiresAt: Date }
  /** Checked before expiry: "already used" is the more useful answer. */
  | { kind: 'used' }
  | { kind: 'expired' }
  /** Never made, replaced by a newer link, or its account was deleted: they look the same. */
  | { kind: 'unknown' }

/** What a reset token opens. */
export function lookUpPasswordReset(db: Db, token: string, now = new Date()): PasswordResetLookup {
  const row = db
    .select({ reset: passwordResets, user: users })
    .from(passwordResets)
    .innerJoin(users, eq(users.id, passwordResets.userId))
    .where(eq(passwordResets.tokenHash, hashToken(token)))
    .get()
  if (!row) return { kind: 'unknown' }
  if (row.reset.usedAt) return { kind: 'used' }
  if (row.reset.expiresAt <= now) return { kind: 'expired' }
  return { kind: 'valid', user: row.user, expiresAt: row.reset.expiresAt }
}

export type PasswordResetResult = { kind: 'reset'; user: User; session: { token: string; expiresAt: Date } } | Exclude<PasswordResetLookup, { kind: 'valid' }>

/**
 * Sets the account's password with a reset link, in one immediate transaction: the link is used
 * up, the hash replaced, every session of the account deleted (whoever had the old password, or
 * a cookie, is out), and a new session started for the browser that reset it. A link that is no
 * longer valid changes nothing. The caller closes the ended sessions' sync connections.
 */
export function resetPassword(db: Db, token: string, passwordHash: string, now = new Date()): PasswordResetResult {
  return db.transaction((tx) => {
    const reset = lookUpPasswordReset(db, token, now)
    if (reset.kind !== 'valid') return reset
    tx.update(passwordResets).set({ usedAt: now }).where(eq(passwordResets.tokenHash, hashToken(token))).run()
    replacePassword(db, reset.user.id, passwordHash, null)
    return { kind: 'reset', user: reset.user, session: createSession(db, reset.user.id, now.getTime()) }
  }, { behavior: 'immediate' })
}
