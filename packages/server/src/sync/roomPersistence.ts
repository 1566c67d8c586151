/**
 * SQLite persistence of board docs: an append-only update log (`board_updates`) folded into a
 * snapshot (`board_snapshots`) by compaction. All statements are prepared once; appends are
 * synchronous so an update is committed before anyone is told about it.
 */
import { and, asc, eq, getTableName, gt, lte, sql } from 'drizzle-orm'
import type { VersionAsset } from '@storyloom/shared/versions/shotVersion'
import { boardIsLive } from '../boards/liveBoards'
import type { Db } from '../db/openDatabase'
import { boardAssets, boardSnapshots, boards, boardUpdates, shotVersions } from '../db/schema'
import { type DatabaseWriteLock, writeLockOf } from './databaseWriteLock'
import { LogCompactor } from './logCompactor'
import { WalCheckpointer } from './walCheckpointer'

/** What is stored for one board: the snapshot (if any) and the log entries after it, in order. */
export type StoredBoard = {
  snapshot: Uint8Array | undefined
  updates: Uint8Array[]
  /** Seq of the last log entry covered (snapshot or log), 0 for a board never written. */
  lastSeq: number
}

/**
 * SQLite checkpoints its WAL inside the commit that takes it past 1000 pages, stalling that
 * commit (and the event loop) on fsync. An append is on the broadcast path, so the sync layer
 * starts a checkpoint in a worker thread every this many appends (about 3 pages each); the
 * automatic checkpoint, left on as a safety net, is then not reached by an append.
 */
const CHECKPOINT_EVERY_APPENDS = 100

function asBuffer(bytes: Uint8Array): Buffer {
  return Buffer.isBuffer(bytes) ? bytes : Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength)
}

/** How often an edited board's `updated_at` is bumped, at most. */
export const BOARD_TOUCH_INTERVAL_MS = 2_000

/** Prepared statements over the sync tables, shared by all rooms of one server. */
export class SyncPersistence {
  private readonly boardExistsQuery
  private readonly snapshotQuery
  private readonly updatesQuery
  private readonly insertUpdate: { run(boardId: string, seq: number, update: Buffer): unknown }
  private readonly upsertSnapshot
  private readonly deleteUpdatesUpTo
  private readonly touchBoard: { run(updatedAt: number, boardId: string): { changes: number } }
  private readonly writeCover: { run(coverAssetId: string | null, boardId: string, same: string | null): unknown }
  private readonly assetQuery: { get(boardId: string, sha256: string): unknown }
  private readonly takeAssetsQuery
  /** Each open room's cover, read from its doc when it is written (see {@link keepCover}). */
  private readonly coverSources = new Map<string, () => string | null>()
  // Edit times per board, written to `boards.updated_at` by `noteEdit`'s trailing throttle.
  private readonly lastEdit = new Map<string, number>()
  private readonly lastTouched = new Map<string, number>()
  private readonly touchTimers = new Map<string, NodeJS.Timeout>()
  private appendsSinceCheckpoint = 0
  private checkpointHandle: NodeJS.Immediate | undefined
  private readonly checkpointer: WalCheckpointer
  private readonly compactor: LogCompactor
  /** Every write here takes it, so none sleeps in SQLite's busy handler behind a worker's commit. */
  private readonly writeLock: DatabaseWriteLock

  /** `onTouched` runs after an edited board's `updated_at` was written (see {@link noteEdit}). */
  constructor(
    private readonly db: Db,
    private readonly onTouched: (boardId: string) => void = () => {},
  ) {
    this.writeLock = writeLockOf(db)
    this.checkpointer = new WalCheckpointer(db)
    this.compactor = new LogCompactor(db)
    this.boardExistsQuery = db
      .select({ id: boards.id })
      .from(boards)
      .where(and(eq(boards.id, sql.placeholder('boardId')), boardIsLive))
      .prepare()
    this.snapshotQuery = db
      .select({ state: boardSnapshots.state, seq: boardSnapshots.seq })
      .from(boardSnapshots)
      .where(eq(boardSnapshots.boardId, sql.placeholder('boardId')))
      .prepare()
    this.updatesQuery = db
      .select({ seq: boardUpdates.seq, update: boardUpdates.update })
      .from(boardUpdates)
      .where(and(eq(boardUpdates.boardId, sql.placeholder('boardId')), gt(boardUpdates.seq, sql.placeholder('after'))))
      .orderBy(asc(boardUpdates.seq))
      .prepare()
    // The one statement on the broadcast path: plain better-sqlite3, no placeholder mapping.
    this.insertUpdate = db.$client.prepare(
      `INSERT INTO "${getTableName(boardUpdates)}" ("${boardUpdates.boardId.name}", "${boardUpdates.seq.name}", "${boardUpdates.update.name}") VALUES (?, ?, ?)`,
    )
    this.touchBoard = db.$client.prepare(
      `UPDATE "${getTableName(boards)}" SET "${boards.updatedAt.name}" = ? WHERE "${boards.id.name}" = ?`,
    )
    // Written only when it changed: most edits leave the cover as it was.
    const { coverAssetId, coverKnown } = boards
    this.writeCover = db.$client.prepare<[string | null, string, string | null]>(
      `UPDATE "${getTableName(boards)}" SET "${coverAssetId.name}" = ?, "${coverKnown.name}" = 1 WHERE "${boards.id.name}" = ? AND ("${coverAssetId.name}" IS NOT ? OR NOT "${coverKnown.name}")`,
    )
    this.assetQuery = db.$client.prepare<[string, string]>(
      `SELECT 1 FROM "${getTableName(boardAssets)}" WHERE "${boardAssets.boardId.name}" = ? AND "${boardAssets.sha256.name}" = ?`,
    )
    this.takeAssetsQuery = db
      .select({ assets: shotVersions.assets })
      .from(shotVersions)
      .where(and(eq(shotVersions.id, sql.placeholder('versionId')), eq(shotVersions.boardId, sql.placeholder('boardId')), eq(shotVersions.shotId, sql.placeholder('shotId'))))
      .prepare()
    this.upsertSnapshot = db
      .insert(boardSnapshots)
      .values({
        boardId: sql.placeholder('boardId'),
        state: sql.placeholder('state'),
        seq: sql.placeholder('seq'),
        updatedAt: sql.placeholder('updatedAt'),
      })
      .onConflictDoUpdate({
        target: boardSnapshots.boardId,
        set: { state: sql`excluded.state`, seq: sql`excluded.seq`, updatedAt: sql`excluded.updated_at` },
      })
      .prepare()
    this.deleteUpdatesUpTo = db
      .delete(boardUpdates)
      .where(and(eq(boardUpdates.boardId, sql.placeholder('boardId')), lte(boardUpdates.seq, sql.placeholder('seq'))))
      .prepare()
  }

  /** True if the board exists in the `boards` table. */
  boardExists(boardId: string): boolean {
    return this.boardExistsQuery.get({ boardId }) !== undefined
  }

  /** Reads a board's snapshot and the log entries written after it. */
  load(boardId: string): StoredBoard {
    const snapshot = this.snapshotQuery.get({ boardId })
    const after = snapshot?.seq ?? 0
    const rows = this.updatesQuery.all({ boardId, after })
    return {
      snapshot: snapshot?.state,
      updates: rows.map((row) => row.update),
      lastSeq: rows.at(-1)?.seq ?? after,
    }
  }

  /**
   * Appends one update to the board's log as entry `seq` (the board's last seq + 1: the room that
   * owns the board counts), committed when this returns. Throws if the board already has `seq`.
   */
  append(boardId: string, seq: number, update: Uint8Array): void {
    const row = asBuffer(update)
    this.writeLock.run(() => this.insertUpdate.run(boardId, seq, row))
    if (++this.appendsSinceCheckpoint >= CHECKPOINT_EVERY_APPENDS) this.checkpointHandle ??= setImmediate(this.checkpoint)
    this.noteEdit(boardId)
  }

  /**
   * Records that the board was edited: its `updated_at` (what the board list sorts by and shows
   * as "Updated …") is written at most once per {@link BOARD_TOUCH_INTERVAL_MS}, trailing, so
   * the last edit's time is always recorded and nothing is written on the broadcast path.
   */
  private noteEdit(boardId: string): void {
    const now = Date.now()
    this.lastEdit.set(boardId, now)
    if (this.touchTimers.has(boardId)) return
    const wait = Math.max(0, (this.lastTouched.get(boardId) ?? 0) + BOARD_TOUCH_INTERVAL_MS - now)
    const timer = setTimeout(() => this.touch(boardId), wait)
    timer.unref()
    this.touchTimers.set(boardId, timer)
  }

  private touch(boardId: string): void {
    clearTimeout(this.touchTimers.get(boardId))
    this.touchTimers.delete(boardId)
    this.lastTouched.set(boardId, Date.now())
    let touched = false
    try {
      const updatedAt = this.lastEdit.get(boardId) ?? Date.now()
      touched = this.writeLock.run(() => this.touchBoard.run(updatedAt, boardId)).changes > 0
    } catch {
      // The board was deleted meanwhile: nothing to mark.
    }
    if (!touched) return
    // Before telling: the board list read again on that news shows the new cover.
    this.storeCover(boardId)
    try {
      this.onTouched(boardId)
    } catch (error) {
      console.error('[sync] telling of an edited board failed:', error)
    }
  }

  /** Whether asset `sha256` was stored for the board (so its asset route serves it). */
  hasAsset(boardId: string, sha256: string): boolean {
    return this.assetQuery.get(boardId, sha256) !== undefined
  }

  /** The files of take `versionId` of the board's shot `shotId` (its still, its clip); undefined for no such take. */
  takeAssets(boardId: string, shotId: string, versionId: string): readonly VersionAsset[] | undefined {
    return this.takeAssetsQuery.get({ boardId, shotId, versionId })?.assets
  }

  /**
   * Keeps the board's `cover_asset_id` (the home page's cover) up to date while its room is open:
   * `cover` is read from the doc now, whenever the board's edit time is written (at most once per
   * {@link BOARD_TOUCH_INTERVAL_MS}, never on the broadcast path) and by {@link releaseCover}.
   */
  keepCover(boardId: string, cover: () => string | null): void {
    this.coverSources.set(boardId, cover)
    this.storeCover(boardId)
  }

  /** Writes the open room's cover again now (a take file it may show was found unreadable); false when its room is not open. */
  refreshCover(boardId: string): boolean {
    if (!this.coverSources.has(boardId)) return false
    this.storeCover(boardId)
    return true
  }

  /** The room is closing: its cover is written a last time (unless `write` is false), then no more. */
  releaseCover(boardId: string, write: boolean): void {
    if (write) this.storeCover(boardId)
    this.coverSources.delete(boardId)
  }

  private storeCover(boardId: string): void {
    const cover = this.coverSources.get(boardId)
    if (!cover) return
    try {
      const assetId = cover()
      this.writeLock.run(() => this.writeCover.run(assetId, boardId, assetId))
    } catch (error) {
      // A missing cover is a placeholder on the home page; the board itself is not affected.
      console.error(`[sync] could not write the cover of board ${boardId}:`, error)
    }
  }

  /** Runs after the current fan-out: even posting to the worker stays off the broadcast path. */
  private readonly checkpoint = (): void => {
    this.checkpointHandle = undefined
    this.appendsSinceCheckpoint = 0
    void this.checkpointer.request()
  }

  /** Stops checkpointing (before the database is closed). */
  async dispose(): Promise<void> {
    for (const boardId of [...this.touchTimers.keys()]) this.touch(boardId)
    if (this.checkpointHandle) clearImmediate(this.checkpointHandle)
    this.checkpointHandle = undefined
    await this.checkpointer.close()
    await this.compactor.close()
  }

  /**
   * Replaces the board's snapshot with `state` (the doc re-encoded, covering every log entry up
   * to `seq`) and deletes those entries, in one transaction: a crash leaves either the old
   * snapshot and the full log or the new snapshot and the rest of the log.
   */
  compact(boardId: string, state: Uint8Array, seq: number): void {
    this.writeLock.run(() =>
      this.db.transaction(() => {
        this.upsertSnapshot.run({ boardId, state: asBuffer(state), seq, updatedAt: new Date() })
        this.deleteUpdatesUpTo.run({ boardId, seq })
      }),
    )
  }

  /**
   * Like {@link compact}, but rebuilds the state from the stored snapshot and log entries up to
   * `seq` in a worker thread (see LogCompactor), off the event loop; resolves with the new
   * snapshot's size (undefined if none was written). Returns undefined when that is not
   * available (in-memory database, failed worker): compact inline then.
   */
  compactInBackground(boardId: string, seq: number): Promise<number | undefined> | undefined {
    return this.compactor.available ? this.compactor.compact(boardId, seq) : undefined
  }
}
