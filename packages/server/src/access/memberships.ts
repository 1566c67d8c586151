/** Board memberships in SQLite: who has which role on which board. */
import { and, asc, count, eq } from 'drizzle-orm'
import type { BoardRole } from '@storyloom/shared/access/roles'
import type { MemberResponse } from '@storyloom/shared/api/accounts'
import type { Db } from '../db/openDatabase'
import { boardMembers, users } from '../db/schema'
import type { Principal } from './principal'

/**
 * The principal's role on a board, or undefined without access. Local mode and the instance
 * admin own every board (the admin is how boards made in local mode are reached once accounts
 * are turned on). Does not check that the board exists.
 */
export function roleOnBoard(db: Db, principal: Principal, boardId: string): BoardRole | undefined {
  if (principal.kind === 'local' || principal.user.isAdmin) return 'owner'
  return memberRole(db, boardId, principal.user.id)
}

export function memberRole(db: Db, boardId: string, userId: string): BoardRole | undefined {
  return db
    .select({ role: boardMembers.role })
    .from(boardMembers)
    .where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.userId, userId)))
    .get()?.role
}

/** The ids of the board's members (the admin and local mode see every board without being one). */
export function memberIds(db: Db, boardId: string): string[] {
  return db.select({ userId: boardMembers.userId }).from(boardMembers).where(eq(boardMembers.boardId, boardId)).all().map((row) => row.userId)
}

/** The board's members in the order they joined (by name within one millisecond), the same on every request. */
export function listMembers(db: Db, boardId: string): MemberResponse[] {
  return db
    .select({ userId: users.id, name: users.name, email: users.email, role: boardMembers.role })
    .from(boardMembers)
    .innerJoin(users, eq(users.id, boardMembers.userId))
    .where(eq(boardMembers.boardId, boardId))
    .orderBy(asc(boardMembers.createdAt), asc(users.name), asc(users.id))
    .all()
}

/** The change would leave the board with no owner. */
export class LastOwnerError extends Error {
  override readonly name = 'LastOwnerError'
}

/**
 * Sets a member's role (`null` removes them). Refuses to take away the board's last owner;
 * the check and the write share one transaction. Returns the role they had before (undefined:
 * they were not a member); the same role as `role` means nothing changed.
 */
export function changeMember(db: Db, boardId: string, userId: string, role: BoardRole | null): BoardRole | undefined {
  return db.transaction((tx) => {
    const where = and(eq(boardMembers.boardId, boardId), eq(boardMembers.userId, userId))
    const current = tx.select({ role: boardMembers.role }).from(boardMembers).where(where).get()?.role
    if (!current || current === role) return current
    if (current === 'owner' && role !== 'owner') {
      const owners = tx
        .select({ n: count() })
        .from(boardMembers)
        .where(and(eq(boardMembers.boardId, boardId), eq(boardMembers.role, 'owner')))
        .get()?.n ?? 0
      if (owners <= 1) throw new LastOwnerError('a board needs at least one owner: make someone else owner first')
    }
    if (role === null) tx.delete(boardMembers).where(where).run()
    else tx.update(boardMembers).set({ role }).where(where).run()
    return current
  }, { behavior: 'immediate' })
}

/** {@link roleOnBoard} for an account by id (after a change to its membership). */
export function roleOfUser(db: Db, userId: string, boardId: string): BoardRole | undefined {
  const user = db.select().from(users).where(eq(users.id, userId)).get()
  return user ? roleOnBoard(db, { kind: 'user', user }, boardId) : undefined
}
