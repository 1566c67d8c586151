/**
 * A room's side of its board's persisted update log: the seq of the last entry, how many entries
 * and bytes follow the snapshot, and when they are folded into a new snapshot (compaction) — in
 * the persistence's worker thread while the board is live, inline on unload and shutdown.
 *
 * A live board is compacted once its log is as large as its snapshot (and at least
 * COMPACT_MIN_LOG_BYTES), or has `compactAfterUpdates` entries. A compaction in the worker
 * replays the snapshot and every entry (~15 µs each for a shape move, 17 ms for a 2,000-shape
 * snapshot), so its cost per update falls the more entries it folds at once; the log it leaves
 * to replay on the next load (after a crash: unloading compacts) stays bounded by both limits.
 */
import type { SyncPersistence } from './roomPersistence'
import { logSyncError } from './syncLog'

/** A live board's log is not compacted below this many bytes, however small its snapshot. */
export const COMPACT_MIN_LOG_BYTES = 256 * 1024

export type BoardLogOptions = {
  boardId: string
  persistence: SyncPersistence
  /** Compact once the log has this many entries, whatever its size. */
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
  /** Log entries after the snapshot (seqs are consecutive per board), and their bytes. */
  private length: number
  private bytes: number
  /** The snapshot's size in bytes, as last written or loaded. */
  private snapshotBytes: number
  /** No compaction before the log has this many entries (raised after a failed compaction). */
  private notBefore = 0
  private compacting = false
  private compactHandle: NodeJS.Immediate | undefined
  private closed = false

  constructor(
    private readonly options: BoardLogOptions,
    stored: { lastSeq: number; logLength: number; logBytes: number; snapshotBytes: number },
  ) {
    this.lastSeq = stored.lastSeq
    this.length = stored.logLength
    this.bytes = stored.logBytes
    this.snapshotBytes = stored.snapshotBytes
  }

  /** Whether the log is long enough to compact (see the module comment). */
  private get due(): boolean {
    if (this.length === 0 || this.length < this.notBefore) return false
    return this.length >= this.options.compactAfterUpdates || this.bytes >= Math.max(COMPACT_MIN_LOG_BYTES, this.snapshotBytes)
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
    this.bytes += update.byteLength
    if (!this.compacting && this.due) {
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
    if (this.closed || this.compacting || !this.due) return
    const { boardId, persistence, compactAfterUpdates } = this.options
    const seq = this.lastSeq
    const bytes = this.bytes
    const running = persistence.compactInBackground(boardId, seq)
    if (!running) {
      this.options.compactInline()
      return
    }
    this.compacting = true
    running.then(
      (snapshotBytes) => {
        this.compacting = false
        // The entries up to seq are gone (unload may have compacted further meanwhile).
        this.length = Math.min(this.length, this.lastSeq - seq)
        this.bytes = Math.max(0, this.bytes - bytes)
        if (snapshotBytes !== undefined) this.snapshotBytes = snapshotBytes
        this.notBefore = 0
        this.compactInBackground() // if the log grew past the threshold meanwhile
      },
      (error: unknown) => {
        this.compacting = false
        this.notBefore = this.length + compactAfterUpdates
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
      const state = encodeState()
      this.options.persistence.compact(this.options.boardId, state, this.lastSeq)
      this.length = 0
      this.bytes = 0
      this.snapshotBytes = state.byteLength
      this.notBefore = 0
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
