/** Invite links in SQLite: created by owners, accepted by signed-in people. */
import { and, asc, eq, gt, isNull } from 'drizzle-orm'
import { roleAtLeast, type BoardRole } from '@storyloom/shared/access/roles'
import type { InviteResponse } from '@storyloom/shared/api/accounts'
import { hashToken, newId, newSecretToken } from '../auth/secretToken'
import { boardIsLive } from '../boards/liveBoards'
import type { Db } from '../db/openDatabase'
import { boardInvites, boardMembers, boards } from '../db/schema'
import { roleOnBoard } from './memberships'
import type { Principal } from './principal'

type InviteRow = typeof boardInvites.$inferSelect

function toInviteResponse(row: InviteRow): InviteResponse {
  return { id: row.id, role: row.role, expiresAt: row.expiresAt.toISOString(), createdAt: row.createdAt.toISOString() }
}

/** Creates an invite; the token is returned once and only its hash is kept. */
export function createInvite(
  db: Db,
  input: { boardId: string; role: BoardRole; createdBy: string | null; expiresInHours: number },
): InviteResponse & { token: string } {
  const token = newSecretToken()
  const now = new Date()
  const row = db
    .insert(boardInvites)
    .values({
      id: newId(),
      tokenHash: hashToken(token),
      boardId: input.boardId,
      role: input.role,
      createdBy: input.createdBy,
      createdAt: now,
      expiresAt: new Date(now.getTime() + input.expiresInHours * 3_600_000),
    })
    .returning()
    .get()
  return { ...toInviteResponse(row), token }
}

/** The board's invites that still work (nobody used them, not expired), oldest first. */
export function listInvites(db: Db, boardId: string): InviteResponse[] {
  return db
    .select()
    .from(boardInvites)
    .where(and(eq(boardInvites.boardId, boardId), isNull(boardInvites.usedAt), gt(boardInvites.expiresAt, new Date())))
    .orderBy(asc(boardInvites.createdAt))
    .all()
    .map(toInviteResponse)
}

/**
 * Revokes an open invite of this board; false if it has none with that id. A used invite is not
 * open (it is not listed either): it stays, so its link keeps saying it was used.
 */
export function revokeInvite(db: Db, boardId: string, inviteId: string): boolean {
  return db
    .delete(boardInvites)
    .where(and(eq(boardInvites.boardId, boardId), eq(boardInvites.id, inviteId), isNull(boardInvites.usedAt)))
    .returning({ id: boardInvites.id })
    .get() !== undefined
}

type InviteTarget = { boardId: string; boardName: string; role: BoardRole; expiresAt: Date }

export type InviteLookup =
  | ({ kind: 'valid' } & InviteTarget)
  /** Someone joined with it. Checked before expiry: "already used" is the more useful answer. */
  | ({ kind: 'used'; usedAt: Date } & InviteTarget)
  | { kind: 'expired' }
  | { kind: 'unknown' }

/** What a token opens. Unknown, revoked and forged tokens look the same. */
export function lookUpInvite(db: Db, token: string, now = new Date()): InviteLookup {
  const row = db
    .select({ invite: boardInvites, boardName: boards.name })
    .from(boardInvites)
    .innerJoin(boards, and(eq(boards.id, boardInvites.boardId), boardIsLive))
    .where(eq(boardInvites.tokenHash, hashToken(token)))
    .get()
  if (!row) return { kind: 'unknown' }
  const target = { boardId: row.invite.boardId, boardName: row.boardName, role: row.invite.role, expiresAt: row.invite.expiresAt }
  if (row.invite.usedAt) return { kind: 'used', usedAt: row.invite.usedAt, ...target }
  if (row.invite.expiresAt <= now) return { kind: 'expired' }
  return { kind: 'valid', ...target }
}

/**
 * What a token opens for `principal` (null: not signed in). A used link still leads someone
 * already on its board (the person who used it, an owner, the admin) there; to anyone else it is
 * only `used`, without the board's name.
 */
export function previewInvite(db: Db, token: string, principal: Principal | null, now = new Date()): InviteLookup | { kind: 'usedByOther' } {
  const invite = lookUpInvite(db, token, now)
  if (invite.kind === 'used' && !(principal && roleOnBoard(db, principal, invite.boardId))) return { kind: 'usedByOther' }
  return invite
}

export type InviteAcceptance =
  /** `changed`: the caller's role on the board is new (false: they already held it, nothing was done). */
  | { kind: 'joined'; boardId: string; role: BoardRole; changed: boolean }
  | { kind: 'usedByOther' }
  | { kind: 'expired' }
  | { kind: 'unknown' }

/**
 * Accepts an invite for `userId`. A link lets one person in: it is used up when it gives someone
 * a role they lacked — marked with when and by whom, so that opening it again says so — and a
 * forwarded link, or a removed member's old one, opens nothing. Opening it while already holding
 * its role (an owner or the admin trying the link) neither lowers a role nor uses it up; opening
 * a used link while on its board answers with the role held. One immediate transaction, so two
 * people accepting at once cannot both join.
 */
export function acceptInvite(db: Db, token: string, principal: Extract<Principal, { kind: 'user' }>, now = new Date()): InviteAcceptance {
  return db.transaction(() => joinWithInvite(db, token, principal, now), { behavior: 'immediate' })
}

/**
 * {@link acceptInvite} without its transaction: only for callers already inside an immediate
 * one, such as creating an account from an invite link (account and joining stand or fall together).
 */
export function joinWithInvite(db: Db, token: string, principal: Extract<Principal, { kind: 'user' }>, now = new Date()): InviteAcceptance {
  const invite = previewInvite(db, token, principal, now)
  if (invite.kind !== 'valid' && invite.kind !== 'used') return invite
  const current = roleOnBoard(db, principal, invite.boardId)
  const userId = principal.user.id
  if (current && (invite.kind === 'used' || roleAtLeast(current, invite.role))) return { kind: 'joined', boardId: invite.boardId, role: current, changed: false }
  db.insert(boardMembers)
    .values({ boardId: invite.boardId, userId, role: invite.role, createdAt: now })
    .onConflictDoUpdate({ target: [boardMembers.boardId, boardMembers.userId], set: { role: invite.role } })
    .run()
  db.update(boardInvites).set({ usedAt: now, usedBy: userId }).where(eq(boardInvites.tokenHash, hashToken(token))).run()
  return { kind: 'joined', boardId: invite.boardId, role: invite.role, changed: true }
}
