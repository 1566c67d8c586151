import type { BoardListChange, BoardListEvent } from '@storyloom/shared/events/boardListEvents'
import type { Principal } from '../access/principal'

type Listener = (event: BoardListEvent) => void

/**
 * Tells each person's board-list stream (`GET /api/board-list/events`) about changes to the
 * boards they can see, and nobody else: a change goes to the accounts the publisher names (the
 * board's members, or the one whose access changed), to the admin and, in local mode, to
 * everyone — the same people `GET /api/boards` lists the board for.
 */
export class BoardListHub {
  readonly #listeners = new Set<{ principal: Principal; listener: Listener }>()
  #markClosed: () => void = () => {}
  /** Resolves when the hub closes (server shutdown): open streams end then. */
  readonly closed = new Promise<void>((resolve) => (this.#markClosed = resolve))

  /** Listens as `principal`; returns the function that stops it. */
  subscribe(principal: Principal, listener: Listener): () => void {
    const entry = { principal, listener }
    this.#listeners.add(entry)
    return () => this.#listeners.delete(entry)
  }

  /**
   * Tells the listeners of the accounts in `audience` (ids), the admin's and local ones that
   * `change` happened to the board. Call it after the change is committed.
   */
  announce(boardId: string, change: BoardListChange, audience: Iterable<string>): void {
    const event: BoardListEvent = { type: 'boards_changed', boardId, change, at: Date.now() }
    const accounts = new Set(audience)
    for (const { principal, listener } of this.#listeners) {
      if (principal.kind === 'user' && !principal.user.isAdmin && !accounts.has(principal.user.id)) continue
      try {
        listener(event)
      } catch (error) {
        console.error('[board list events] a listener failed:', error)
      }
    }
  }

  /** Ends every open stream (server shutdown). */
  close(): void {
    this.#listeners.clear()
    this.#markClosed()
  }
}
