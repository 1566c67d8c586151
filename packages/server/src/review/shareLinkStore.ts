import { randomBytes } from 'node:crypto'
import { and, desc, eq, isNull } from 'drizzle-orm'
import { reviewPath, type ShareLinkResponse, type ShareLinkState } from '@storyloom/shared/review/shareLinks'
import type { Db } from '../db/openDatabase'
import { shareLinks } from '../db/schema'

export type ShareLinkRow = typeof shareLinks.$inferSelect

/** The stored share links of boards: create, list, revoke, find by token. */

export function createShareLink(
  db: Db,
  input: { boardId: string; label: string; expiresAt: Date | null; passcodeHash: string | null; createdBy: string },
  now = new Date(),
): ShareLinkRow {
  return db
    .insert(shareLinks)
    .values({
      id: randomBytes(12).toString('base64url'),
      // 256 bits: a link cannot be guessed, only leaked.
      token: randomBytes(32).toString('base64url'),
      createdAt: now,
      ...input,
    })
    .returning()
    .get()
}

/** A board's links, newest first. */
export function listShareLinks(db: Db, boardId: string): ShareLinkRow[] {
  return db.select().from(shareLinks).where(eq(shareLinks.boardId, boardId)).orderBy(desc(shareLinks.createdAt)).all()
}

/**
 * Revokes one of the board's links (another board's link id is not found), naming who did (null:
 * nobody named). Revoking twice keeps the first time and name. Undefined when the board has no
 * such link.
 */
export function revokeShareLink(db: Db, boardId: string, linkId: string, by: string | null, now = new Date()): ShareLinkRow | undefined {
  const where = and(eq(shareLinks.id, linkId), eq(shareLinks.boardId, boardId))
  db.update(shareLinks).set({ revokedAt: now, revokedByName: by }).where(and(where, isNull(shareLinks.revokedAt))).run()
  return db.select().from(shareLinks).where(where).get()
}

export function findShareLinkByToken(db: Db, token: string): ShareLinkRow | undefined {
  return db.select().from(shareLinks).where(eq(shareLinks.token, token)).get()
}

/** Revoked wins over expired: it says what the team did. */
export function shareLinkState(row: ShareLinkRow, now = new Date()): ShareLinkState {
  if (row.revokedAt) return 'revoked'
  if (row.expiresAt && row.expiresAt.getTime() <= now.getTime()) return 'expired'
  return 'active'
}

export function toShareLinkResponse(row: ShareLinkRow, now = new Date()): ShareLinkResponse {
  return {
    id: row.id,
    boardId: row.boardId,
    label: row.label,
    path: reviewPath(row.token),
    hasPasscode: row.passcodeHash !== null,
    state: shareLinkState(row, now),
    createdAt: row.createdAt.toISOString(),
    createdBy: row.createdBy,
    expiresAt: row.expiresAt?.toISOString() ?? null,
    revokedAt: row.revokedAt?.toISOString() ?? null,
    revokedByName: row.revokedByName,
  }
}
