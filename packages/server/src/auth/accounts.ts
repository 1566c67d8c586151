/**
 * Accounts and sessions in SQLite. Session tokens live only in the browser's cookie; the
 * database keeps their hashes.
 */
import { and, count, eq, gt, lte, ne } from 'drizzle-orm'
import type { UserResponse } from '@storyloom/shared/api/accounts'
import type { Db } from '../db/openDatabase'
import { sessions, users } from '../db/schema'
import { hashToken, newId, newSecretToken } from './secretToken'

/** The cookie holding a browser's session token (HTTP API and sync upgrade). */
export const SESSION_COOKIE = 'storyloom_session'

/** How long a sign-in lasts. */
export const SESSION_TTL_MS = 30 * 24 * 60 * 60 * 1000

export type User = typeof users.$inferSelect

/** The account as the API shows it (never the password hash). */
export function toUserResponse(user: User): UserResponse {
  return { id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin }
}

/** The email is taken (the unique index decided, so two concurrent sign-ups cannot both win). */
export class EmailTakenError extends Error {
  override readonly name = 'EmailTakenError'
}

/** Whether the instance has no account yet (the next one becomes its admin). */
export function noAccountYet(db: Db): boolean {
  return (db.select({ n: count() }).from(users).get()?.n ?? 0) === 0
}

/**
 * Creates an account. The first account of the instance becomes its admin; the count and the
 * insert share one transaction, so two simultaneous first sign-ups cannot both be admin.
 * `admit` runs in that transaction once the account exists (`first`: it is the admin); what it
 * throws undoes the account, e.g. an invite link that another sign-up used a moment before.
 */
export function createUser(
  db: Db,
  input: { email: string; name: string; passwordHash: string },
  admit: (user: User, first: boolean) => void = () => {},
): User {
  try {
    return db.transaction((tx) => {
      const first = noAccountYet(db)
      const user = tx
        .insert(users)
        .values({ id: newId(), ...input, isAdmin: first, createdAt: new Date() })
        .returning()
        .get()
      admit(user, first)
      return user
    }, { behavior: 'immediate' })
  } catch (error) {
    if (error instanceof Error && /UNIQUE constraint failed: users\.email/.test(error.message)) {
      throw new EmailTakenError(`an account with ${input.email} already exists`, { cause: error })
    }
    throw error
  }
}

export function findUserByEmail(db: Db, email: string): User | undefined {
  return db.select().from(users).where(eq(users.email, email)).get()
}

/** Starts a session for `userId`; returns the token for the cookie (the only copy). */
export function createSession(db: Db, userId: string, now = Date.now()): { token: string; expiresAt: Date } {
  const token = newSecretToken()
  const expiresAt = new Date(now + SESSION_TTL_MS)
  // Expired sessions of anyone are swept here rather than by a timer: sign-ins are rare enough.
  db.delete(sessions).where(lte(sessions.expiresAt, new Date(now))).run()
  db.insert(sessions).values({ tokenHash: hashToken(token), userId, createdAt: new Date(now), expiresAt }).run()
  return { token, expiresAt }
}

/** The account a session token belongs to, if the session exists and has not expired. */
export function userOfSession(db: Db, token: string): User | undefined {
  return db
    .select({ user: users })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, hashToken(token)), gt(sessions.expiresAt, new Date())))
    .get()?.user
}

/** Whether the session with this token hash still exists and has not expired. */
export function sessionIsLive(db: Db, tokenHash: string): boolean {
  return (
    db
      .select({ tokenHash: sessions.tokenHash })
      .from(sessions)
      .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, new Date())))
      .get() !== undefined
  )
}

export function deleteSession(db: Db, token: string): void {
  db.delete(sessions).where(eq(sessions.tokenHash, hashToken(token))).run()
}

/**
 * Replaces the account's password hash and ends every session of the account but the one with
 * `keepToken` (the person changing it stays signed in; null: none stays, as after a reset link),
 * in one transaction: a session elsewhere (a stolen cookie, a shared laptop) cannot outlive the
 * old password.
 */
export function replacePassword(db: Db, userId: string, passwordHash: string, keepToken: string | null): void {
  db.transaction((tx) => {
    tx.update(users).set({ passwordHash }).where(eq(users.id, userId)).run()
    const others = keepToken === null ? undefined : ne(sessions.tokenHash, hashToken(keepToken))
    tx.delete(sessions).where(and(eq(sessions.userId, userId), others)).run()
  }, { behavior: 'immediate' })
}
