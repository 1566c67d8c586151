/** Fewest milliseconds between two `updated` board-list events of one board. */
export const BOARD_UPDATED_EVENT_INTERVAL_MS = 5_000

/** Tells of edited boards, each at most once per interval (see {@link boardEditAnnouncer}). */
export interface BoardEditAnnouncer {
  /** The board was edited (its `updated_at` was just written). */
  edited(boardId: string): void
  /** Drops what is still to be told (server shutdown). */
  close(): void
}

/**
 * Throttles `announce` per board: the first edit after a quiet interval is told at once (the
 * board moves up on open home pages), later ones at most once per `intervalMs`, trailing, so the
 * last edit of a burst is told too. Every home page re-reads its list on each event: one per
 * edit (a keystroke, a stroke) would be a list request per keystroke per person.
 */
export function boardEditAnnouncer(announce: (boardId: string) => void, intervalMs = BOARD_UPDATED_EVENT_INTERVAL_MS): BoardEditAnnouncer {
  const lastTold = new Map<string, number>()
  const pending = new Map<string, NodeJS.Timeout>()
  const tell = (boardId: string) => {
    pending.delete(boardId)
    lastTold.set(boardId, Date.now())
    announce(boardId)
  }
  return {
    edited(boardId) {
      if (pending.has(boardId)) return
      const wait = (lastTold.get(boardId) ?? -Infinity) + intervalMs - Date.now()
      if (wait <= 0) {
        // Forget quiet boards: the map holds only the ones edited within the interval.
        for (const [id, at] of lastTold) if (Date.now() - at >= intervalMs && !pending.has(id)) lastTold.delete(id)
        tell(boardId)
        return
      }
      const timer = setTimeout(() => tell(boardId), wait)
      timer.unref()
      pending.set(boardId, timer)
    },
    close() {
      for (const timer of pending.values()) clearTimeout(timer)
      pending.clear()
      lastTold.clear()
    },
  }
}
