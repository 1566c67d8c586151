import { atom, react, type Atom } from 'tldraw'
import type { CommentThreadResponse } from '@storyloom/shared/review/comments'
import { ApiError } from '../api/apiClient'
import type { BoardSession } from '../sync/BoardSession'
import { listThreads, type CommentsSource } from './reviewApi'

/** A board's comment threads as every component on screen shares them: one fetch per change. */
export type BoardThreads = {
  readonly threads: Atom<CommentThreadResponse[]>
  readonly error: Atom<string | undefined>
  /** Puts a thread the server just returned in place, before the live revision arrives. */
  update(thread: CommentThreadResponse): void
}

const cache = new WeakMap<BoardSession, BoardThreads>()

/**
 * The open board's threads, fetched again whenever the board's review revision changes (the
 * server bumps it in the doc on every comment change, so this is live for everyone). One per
 * session: the comments menu, the pins on the canvas and the reviewer's panel share it.
 */
export function boardThreads(session: BoardSession, source: CommentsSource): BoardThreads {
  const existing = cache.get(session)
  if (existing) return existing
  const threads = atom<CommentThreadResponse[]>('comment threads', [])
  const error = atom<string | undefined>('comment threads error', undefined)
  let latest = 0
  react('fetch comment threads', () => {
    session.review.get() // every revision (and the first run) fetches
    const request = ++latest
    listThreads(source).then(
      (list) => {
        if (request !== latest) return // an older answer must not replace a newer one
        threads.set(list)
        error.set(undefined)
      },
      (cause: unknown) => {
        if (request === latest) error.set(cause instanceof ApiError ? cause.message : 'Could not load comments.')
      },
    )
  })
  const update = (thread: CommentThreadResponse) => {
    const list = threads.get()
    threads.set(list.some((t) => t.id === thread.id) ? list.map((t) => (t.id === thread.id ? thread : t)) : [...list, thread])
  }
  const shared = { threads, error, update }
  cache.set(session, shared)
  return shared
}

/** How many of `threads`' open threads mention `name` (the Comments button's "@2"). */
export function openThreadsMentioning(threads: readonly CommentThreadResponse[], name: string): number {
  return threads.filter((t) => !t.resolved && t.comments.some((c) => c.mentions.includes(name))).length
}

/**
 * The Comments list's threads: open ones, and those resolved from the list since it opened
 * (`resolvedHere`), kept in their place so the row says "Resolved" and offers Reopen; with Show
 * resolved, every other resolved thread after them.
 */
export function listedThreads(threads: readonly CommentThreadResponse[], showResolved: boolean, resolvedHere: ReadonlySet<string>): CommentThreadResponse[] {
  const inPlace = threads.filter((t) => !t.resolved || resolvedHere.has(t.id))
  return showResolved ? [...inPlace, ...threads.filter((t) => t.resolved && !resolvedHere.has(t.id))] : inPlace
}
