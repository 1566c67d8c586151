import { randomBytes } from 'node:crypto'
import { and, asc, eq, inArray, isNull, sql } from 'drizzle-orm'
import type {
  CommentAnchor,
  CommentAuthor,
  CommentResponse,
  CommentThreadResponse,
} from '@storyloom/shared/review/comments'
import type { CommentMarkup } from '@storyloom/shared/review/commentMarkup'
import type { Db } from '../db/openDatabase'
import { comments, commentThreads } from '../db/schema'

/** Comment threads and their comments in SQLite, always scoped to one board. */

type ThreadRow = typeof commentThreads.$inferSelect
type CommentRow = typeof comments.$inferSelect

/** A new comment: text, mentioned names, its drawing (if any) and who wrote it. */
export type NewComment = { body: string; mentions: string[]; markup?: CommentMarkup; author: CommentAuthor }

function newId(): string {
  return randomBytes(12).toString('base64url')
}

function toComment(row: CommentRow): CommentResponse {
  const author: CommentAuthor =
    row.authorKind === 'reviewer'
      ? { kind: 'reviewer', shareLinkId: row.authorId, name: row.authorName }
      : { kind: 'team', id: row.authorId, name: row.authorName }
  return {
    id: row.id,
    body: row.body,
    mentions: row.mentions,
    ...(row.markup && { markup: row.markup }),
    author,
    createdAt: row.createdAt.toISOString(),
  }
}

function toThread(row: ThreadRow, rows: CommentRow[]): CommentThreadResponse {
  return {
    id: row.id,
    anchor: row.anchor,
    resolved: row.resolvedAt !== null,
    resolvedBy: row.resolvedBy,
    resolvedAt: row.resolvedAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
    comments: rows.map(toComment),
  }
}

function insertComment(db: Pick<Db, 'insert'>, threadId: string, comment: NewComment, now: Date): void {
  const authorId = comment.author.kind === 'reviewer' ? comment.author.shareLinkId : comment.author.id
  db.insert(comments)
    .values({
      id: newId(),
      threadId,
      body: comment.body,
      mentions: comment.mentions,
      markup: comment.markup ?? null,
      authorKind: comment.author.kind,
      authorId,
      authorName: comment.author.name,
      createdAt: now,
    })
    .run()
}

/** The board's threads, oldest first, each with its comments oldest first. */
export function listThreads(db: Db, boardId: string): CommentThreadResponse[] {
  const threads = db.select().from(commentThreads).where(eq(commentThreads.boardId, boardId)).orderBy(asc(commentThreads.createdAt)).all()
  if (threads.length === 0) return []
  const rows = db
    .select()
    .from(comments)
    .where(inArray(comments.threadId, threads.map((t) => t.id)))
    .orderBy(asc(comments.createdAt))
    .all()
  const byThread = new Map<string, CommentRow[]>()
  for (const row of rows) byThread.set(row.threadId, [...(byThread.get(row.threadId) ?? []), row])
  return threads.map((t) => toThread(t, byThread.get(t.id) ?? []))
}

/** One of the board's threads (another board's thread id is not found). */
export function getThread(db: Db, boardId: string, threadId: string): CommentThreadResponse | undefined {
  const thread = db.select().from(commentThreads).where(and(eq(commentThreads.id, threadId), eq(commentThreads.boardId, boardId))).get()
  if (!thread) return undefined
  const rows = db.select().from(comments).where(eq(comments.threadId, threadId)).orderBy(asc(comments.createdAt)).all()
  return toThread(thread, rows)
}

/** Opens a thread with its first comment. */
export function createThread(db: Db, boardId: string, anchor: CommentAnchor, first: NewComment, now = new Date()): CommentThreadResponse {
  const id = newId()
  db.transaction((tx) => {
    tx.insert(commentThreads)
      .values({ id, boardId, anchor, shotId: anchor.kind === 'shot' ? anchor.shotId : null, createdAt: now })
      .run()
    insertComment(tx, id, first, now)
  })
  return getThread(db, boardId, id)!
}

/**
 * Adds a reply, reopening the thread if it was resolved (in the same transaction): a reply in a
 * resolved thread would otherwise go unseen, as lists and badges count open threads only.
 * Undefined when the board has no such thread.
 */
export function addReply(db: Db, boardId: string, threadId: string, reply: NewComment, now = new Date()): CommentThreadResponse | undefined {
  const inThread = and(eq(commentThreads.id, threadId), eq(commentThreads.boardId, boardId))
  const found = db.transaction((tx) => {
    const thread = tx.select({ id: commentThreads.id }).from(commentThreads).where(inThread).get()
    if (!thread) return false
    insertComment(tx, threadId, reply, now)
    tx.update(commentThreads).set({ resolvedAt: null, resolvedBy: null }).where(inThread).run()
    return true
  })
  return found ? getThread(db, boardId, threadId) : undefined
}

/** Resolves or reopens a thread; undefined when the board has no such thread. */
export function setResolved(
  db: Db,
  boardId: string,
  threadId: string,
  resolved: boolean,
  by: string,
  now = new Date(),
): CommentThreadResponse | undefined {
  db.update(commentThreads)
    .set(resolved ? { resolvedAt: now, resolvedBy: by } : { resolvedAt: null, resolvedBy: null })
    .where(and(eq(commentThreads.id, threadId), eq(commentThreads.boardId, boardId)))
    .run()
  return getThread(db, boardId, threadId)
}

/** How many threads on a shot are open, how many comments it has in all, and how many of those carry a drawing. */
export function shotCommentCounts(db: Db, boardId: string, shotId: string): { openThreads: number; comments: number; drawnComments: number } {
  const onShot = and(eq(commentThreads.boardId, boardId), eq(commentThreads.shotId, shotId))
  const open = db.select({ n: sql<number>`count(*)` }).from(commentThreads).where(and(onShot, isNull(commentThreads.resolvedAt))).get()
  const all = db
    .select({ n: sql<number>`count(*)`, drawn: sql<number>`count(${comments.markup})` })
    .from(comments)
    .innerJoin(commentThreads, eq(comments.threadId, commentThreads.id))
    .where(onShot)
    .get()
  return { openThreads: open?.n ?? 0, comments: all?.n ?? 0, drawnComments: all?.drawn ?? 0 }
}

/** Everyone who has commented on the board, for @mention suggestions. */
export function commentAuthorNames(db: Db, boardId: string): string[] {
  return db
    .selectDistinct({ name: comments.authorName })
    .from(comments)
    .innerJoin(commentThreads, eq(comments.threadId, commentThreads.id))
    .where(eq(commentThreads.boardId, boardId))
    .all()
    .map((row) => row.name)
}
