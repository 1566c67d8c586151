/**
 * A room's side of its board's persisted update log: the seq of the last entry, how many entries
 * follow the snapshot, and when they are folded into a new snapshot (compaction) — in the
 * persistence's worker thread while the board is live, inline on unload and shutdown.
 */
import type { SyncPersistence } from './roomPersistence'
import { logSyncError } from './syncLog'

export type BoardLogOptions = {
  boardId: string
  persistence: SyncPersistence
  /** Compact once the log has this many entries. */
  compactAfterUpdates: number
  /**
   * Compacts inline from the live doc (the room flushes first, then calls `compactNow`): used
   * when no compaction worker is available.
   */
  compactInline(): void
}

/** Counts a board's log entries and schedules its compactions. */
export class BoardLog {
  private lastSeq: number
  /** Log entries after the snapshot (seqs are consecutive per board). */
  private length: number
  /** Compact once `length` reaches this (raised after a failed compaction). */
  private compactAt: number
  private compacting = false
  private compactHandle: NodeJS.Immediate | undefined
  private closed = false

  constructor(
    private readonly options: BoardLogOptions,
    stored: { lastSeq: number; logLength: number },
  ) {
    this.lastSeq = stored.lastSeq
    this.length = stored.logLength
    this.compactAt = options.compactAfterUpdates
  }

  /**
   * Commits `update` as the next log entry (throws, counting nothing, if it was not), and once
   * the log is long enough starts a background compaction after the current turn, so it never
   * delays the broadcast that follows the append.
   */
  append(update: Uint8Array): void {
    this.options.persistence.append(this.options.boardId, this.lastSeq + 1, update)
    this.lastSeq++
    this.length++
    if (this.length >= this.compactAt && !this.compacting) {
      this.compactHandle ??= setImmediate(() => {
        this.compactHandle = undefined
        this.compactInBackground()
      })
    }
  }

  /**
   * Folds the log up to the last persisted entry into the snapshot in the persistence's worker
   * thread (the event loop keeps broadcasting meanwhile); inline only when no worker is
   * available. One at a time; after a failure, retried once the log grew by another
   * `compactAfterUpdates` entries.
   */
  private compactInBackground(): void {
    if (this.closed || this.compacting || this.length < this.compactAt) return
    const { boardId, persistence, compactAfterUpdates } = this.options
    const seq = this.lastSeq
    const running = persistence.compactInBackground(boardId, seq)
    if (!running) {
      this.options.compactInline()
      return
    }
    this.compacting = true
    running.then(
      () => {
        this.compacting = false
        this.length = Math.min(this.length, this.lastSeq - seq) // unload may have compacted further
        this.compactAt = compactAfterUpdates
        this.compactInBackground() // if the log grew past the threshold meanwhile
      },
      (error: unknown) => {
        this.compacting = false
        this.compactAt = this.length + compactAfterUpdates
        if (!this.closed) logSyncError({ boardId }, 'compaction failed; the log is kept', error)
      },
    )
  }

  /**
   * Writes `encodeState()` (the live doc re-encoded, deleted content dropped, every entry
   * flushed) as the board's snapshot and deletes the log entries it covers, in one SQLite
   * transaction, on the event loop. Nothing to do for an empty log; a failure keeps the log.
   */
  compactNow(encodeState: () => Uint8Array): void {
    if (this.closed || this.length === 0) return
    try {
      this.options.persistence.compact(this.options.boardId, encodeState(), this.lastSeq)
      this.length = 0
      this.compactAt = this.options.compactAfterUpdates
    } catch (error) {
      logSyncError({ boardId: this.options.boardId }, 'compaction failed; the log is kept', error)
    }
  }

  /** The room unloaded: no further compaction starts (one running in the worker still commits). */
  close(): void {
    this.closed = true
    if (this.compactHandle) clearImmediate(this.compactHandle)
    this.compactHandle = undefined
  }
}
