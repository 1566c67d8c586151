/** Comment threads in SQLite: create, reply, resolve/reopen, delete, list per board. */
import { and, asc, eq, inArray } from 'drizzle-orm'
import type { CommentAnchor, CommentResponse, ThreadResponse } from '@storyloom/shared/api/comments'
import { newId } from '../auth/secretToken'
import type { Db } from '../db/openDatabase'
import { comments, commentThreads } from '../db/schema'

type Author = { id: string | null; name: string }
type CommentRow = typeof comments.$inferSelect

function toComment(row: CommentRow): CommentResponse {
  return {
    id: row.id,
    authorId: row.authorId,
    authorName: row.authorName,
    body: row.body,
    mentions: row.mentions,
    createdAt: row.createdAt.toISOString(),
  }
}

/** Every thread of a board with its comments, oldest first. */
export function listThreads(db: Db, boardId: string): ThreadResponse[] {
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
  return threads.map((t) => ({
    id: t.id,
    anchor: t.anchor,
    resolved: t.resolvedAt !== null,
    createdAt: t.createdAt.toISOString(),
    comments: (byThread.get(t.id) ?? []).map(toComment),
  }))
}

/** Starts a thread with its first comment; returns the thread's id. */
export function createThread(
  db: Db,
  input: { boardId: string; anchor: CommentAnchor; body: string; mentions: string[]; author: Author },
): string {
  const threadId = newId()
  const now = new Date()
  db.transaction((tx) => {
    tx.insert(commentThreads).values({ id: threadId, boardId: input.boardId, anchor: input.anchor, createdAt: now }).run()
    tx.insert(comments)
      .values({ id: newId(), threadId, authorId: input.author.id, authorName: input.author.name, body: input.body, mentions: input.mentions, createdAt: now })
      .run()
  })
  return threadId
}

/** The thread, if it belongs to this board (ids of another board's threads find nothing). */
function threadOf(db: Db, boardId: string, threadId: string) {
  return db.select().from(commentThreads).where(and(eq(commentThreads.boardId, boardId), eq(commentThreads.id, threadId))).get()
}

/** Adds a reply; false when the board has no such thread. */
export function reply(db: Db, input: { boardId: string; threadId: string; body: string; mentions: string[]; author: Author }): boolean {
  if (!threadOf(db, input.boardId, input.threadId)) return false
  db.insert(comments)
    .values({ id: newId(), threadId: input.threadId, authorId: input.author.id, authorName: input.author.name, body: input.body, mentions: input.mentions, createdAt: new Date() })
    .run()
  return true
}

/** Resolves or reopens; false when the board has no such thread. */
export function setResolved(db: Db, boardId: string, threadId: string, resolved: boolean): boolean {
  return (
    db
      .update(commentThreads)
      .set({ resolvedAt: resolved ? new Date() : null })
      .where(and(eq(commentThreads.boardId, boardId), eq(commentThreads.id, threadId)))
      .returning({ id: commentThreads.id })
      .get() !== undefined
  )
}

/** The comment with its thread's board check, for deciding who may delete it. */
export function findComment(db: Db, boardId: string, threadId: string, commentId: string): CommentRow | undefined {
  if (!threadOf(db, boardId, threadId)) return undefined
  return db.select().from(comments).where(and(eq(comments.threadId, threadId), eq(comments.id, commentId))).get()
}

/** Deletes a comment; the thread goes with its last comment. */
export function deleteComment(db: Db, threadId: string, commentId: string): void {
  db.transaction((tx) => {
    tx.delete(comments).where(and(eq(comments.threadId, threadId), eq(comments.id, commentId))).run()
    const left = tx.select({ id: comments.id }).from(comments).where(eq(comments.threadId, threadId)).get()
    if (!left) tx.delete(commentThreads).where(eq(commentThreads.id, threadId)).run()
  })
}
