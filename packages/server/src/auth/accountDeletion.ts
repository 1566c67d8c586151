/**
 * Listing and deleting accounts (the admin's account administration, and people deleting their
 * own account). Deleting an account never deletes board content: see {@link deleteAccount}.
 */
import { and, asc, count, eq, inArray, isNull } from 'drizzle-orm'
import type { AccountResponse } from '@storyloom/shared/api/accounts'
import type { Db } from '../db/openDatabase'
import { boardInvites, boardMembers, boards, users } from '../db/schema'

/** Every account of the server, oldest (the admin) first. */
export function listAccounts(db: Db): AccountResponse[] {
  return db
    .select()
    .from(users)
    .orderBy(asc(users.createdAt))
    .all()
    .map((user) => ({ id: user.id, email: user.email, name: user.name, isAdmin: user.isAdmin, createdAt: user.createdAt.toISOString() }))
}

/** No account with that id. */
export class AccountNotFoundError extends Error {
  override readonly name = 'AccountNotFoundError'
}

/** The admin's account cannot be deleted: the server has one admin, who owns every board. */
export class AdminAccountError extends Error {
  override readonly name = 'AdminAccountError'
}

export type DeletedAccount = {
  /** The boards the account was a member of (their members changed). */
  boardIds: string[]
  /** The boards it owned alone: the admin is now their owner. */
  passedToAdmin: { id: string; name: string }[]
  /** The admin's id (who was given those boards). */
  adminId: string
}

/**
 * Deletes an account, in one immediate transaction. What it had goes as a professional tool's
 * would, and no board content is lost:
 * - boards it owned alone pass to the admin (who becomes a member with the owner role); boards
 *   with other owners stay with them;
 * - its memberships and sessions end (the caller closes its open connections);
 * - the open invite links it made are revoked (a person who is gone no longer lets anyone in;
 *   the board's owners make new ones); used links stay, as records of who joined;
 * - what it wrote (comments, versions, history snapshots) keeps the author name stored with it.
 * Throws {@link AccountNotFoundError} or {@link AdminAccountError}.
 */
export function deleteAccount(db: Db, userId: string, now = new Date()): DeletedAccount {
  return db.transaction((tx) => {
    const user = tx.select().from(users).where(eq(users.id, userId)).get()
    if (!user) throw new AccountNotFoundError(`there is no account ${userId}`)
    if (user.isAdmin) throw new AdminAccountError('the admin account cannot be deleted: it owns every board of this server')
    const admin = tx.select({ id: users.id }).from(users).where(eq(users.isAdmin, true)).get()
    if (!admin) throw new Error('this server has no admin account')

    const memberships = tx.select({ boardId: boardMembers.boardId, role: boardMembers.role }).from(boardMembers).where(eq(boardMembers.userId, userId)).all()
    const owned = memberships.filter((m) => m.role === 'owner').map((m) => m.boardId)
    const ownedAlone = owned.filter((boardId) => {
      const owners = tx
        .select({ n: count() })
        .from(boardMembers)
        .where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.role, 'owner')))
        .get()?.n ?? 0
      return owners <= 1
    })
    for (const boardId of ownedAlone) {
      tx.insert(boardMembers)
        .values({ boardId, userId: admin.id, role: 'owner', createdAt: now })
        .onConflictDoUpdate({ target: [boardMembers.boardId, boardMembers.userId], set: { role: 'owner' } })
        .run()
    }
    tx.delete(boardInvites).where(and(eq(boardInvites.createdBy, userId), isNull(boardInvites.usedAt))).run()
    // Sessions and memberships go with the account (ON DELETE CASCADE); used invites keep their row.
    tx.delete(users).where(eq(users.id, userId)).run()
    const passedToAdmin = ownedAlone.length === 0
      ? []
      : tx.select({ id: boards.id, name: boards.name }).from(boards).where(inArray(boards.id, ownedAlone)).orderBy(asc(boards.name)).all()
    return { boardIds: memberships.map((m) => m.boardId), passedToAdmin, adminId: admin.id }
  }, { behavior: 'immediate' })
}
