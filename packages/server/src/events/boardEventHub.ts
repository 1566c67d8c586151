import type { BoardEvent, BoardEventOf } from '@storyloom/shared/events/boardEvents'
import { MAX_PREVIEWS_PER_SECOND } from '@storyloom/shared/generation/events'

type Listener = (event: BoardEvent) => void

/** Generation events after which the queued jobs of every board may have other places. */
const QUEUE_MOVING_EVENTS: ReadonlySet<BoardEvent['type']> = new Set(['queued', 'started', 'succeeded', 'failed', 'canceled'])

/**
 * Fans board events out to every client listening on a board (the SSE route subscribes one
 * listener per client): generation events, and changes to shots' versions and to the board's
 * history. Previews are latest-wins: at most {@link MAX_PREVIEWS_PER_SECOND} per
 * generation go out; a preview arriving sooner replaces the one waiting, and a lifecycle event
 * of the generation drops it (a preview after `succeeded` would show a stale image).
 */
export class BoardEventHub {
  readonly #listeners = new Map<string, Set<Listener>>()
  readonly #previews = new Map<string, { lastSentAt: number; waiting?: BoardEventOf<'preview'>; timer?: NodeJS.Timeout }>()
  readonly #intervalMs: number
  #markClosed: () => void = () => {}
  /** Resolves when the hub closes (server shutdown): open event streams end then. */
  readonly closed = new Promise<void>((resolve) => (this.#markClosed = resolve))

  constructor(options: { previewsPerSecond?: number } = {}) {
    this.#intervalMs = 1000 / (options.previewsPerSecond ?? MAX_PREVIEWS_PER_SECOND)
  }

  /** Listens to one board; returns the function that stops it. */
  subscribe(boardId: string, listener: Listener): () => void {
    let set = this.#listeners.get(boardId)
    if (!set) this.#listeners.set(boardId, (set = new Set()))
    set.add(listener)
    return () => {
      set.delete(listener)
      if (set.size === 0) this.#listeners.delete(boardId)
    }
  }

  /** Clients listening to a board. */
  listenerCount(boardId: string): number {
    return this.#listeners.get(boardId)?.size ?? 0
  }

  publish(event: BoardEvent): void {
    if (event.type === 'preview') return this.#publishPreview(event)
    if ('generationId' in event && event.type !== 'progress') this.#dropPreviews(event.generationId)
    this.#send(event)
    // Places in the queue count every board's jobs: the others' clients re-read theirs.
    if (QUEUE_MOVING_EVENTS.has(event.type)) {
      for (const boardId of [...this.#listeners.keys()]) if (boardId !== event.boardId) this.#send({ type: 'queue_moved', boardId, at: Date.now() })
    }
  }

  /** Sends an event that concerns every board (the worker count) to each board someone listens to. */
  publishToEveryBoard(event: (boardId: string) => BoardEvent): void {
    for (const boardId of [...this.#listeners.keys()]) this.#send(event(boardId))
  }

  /** Stops pending preview timers (server shutdown). */
  close(): void {
    for (const id of [...this.#previews.keys()]) this.#dropPreviews(id)
    this.#listeners.clear()
    this.#markClosed()
  }

  #publishPreview(event: BoardEventOf<'preview'>): void {
    const state = this.#previews.get(event.generationId) ?? { lastSentAt: -Infinity }
    this.#previews.set(event.generationId, state)
    const wait = state.lastSentAt + this.#intervalMs - Date.now()
    if (wait <= 0 && !state.timer) {
      state.lastSentAt = Date.now()
      this.#send(event)
      return
    }
    state.waiting = event
    state.timer ??= setTimeout(() => {
      state.timer = undefined
      const latest = state.waiting
      state.waiting = undefined
      if (!latest) return
      state.lastSentAt = Date.now()
      this.#send(latest)
    }, Math.max(0, wait))
  }

  #dropPreviews(generationId: string): void {
    const state = this.#previews.get(generationId)
    if (state?.timer) clearTimeout(state.timer)
    this.#previews.delete(generationId)
  }

  #send(event: BoardEvent): void {
    for (const listener of this.#listeners.get(event.boardId) ?? []) {
      try {
        listener(event)
      } catch (error) {
        console.error('[board events] a listener failed:', error)
      }
    }
  }
}
