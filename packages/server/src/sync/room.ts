/**
 * One board's authoritative room: the loaded Y.Doc and awareness, the connections on it, and the
 * path every client write takes — apply, validate the touched records, repair, persist, then
 * broadcast. Each connection is served by a feed: the team by the board doc itself (BoardFeed),
 * client-review connections by the board's review projection (ReviewFeed).
 */
import * as Y from 'yjs'
import { recordsMap } from '@storyloom/shared/doc/boardDoc'
import { REVIEW } from '@storyloom/shared/review/reviewDoc'
import {
  CloseCode,
  MAX_SYNC_MESSAGE_BYTES,
  NoticeCode,
  type SyncNotice,
} from '@storyloom/shared/protocol/syncProtocol'
import { boardCoverAssetId } from '../boards/boardCover'
import { BoardFeed, type DocFeed } from './boardFeed'
import { BoardLog } from './boardLog'
import { loadBoard, NEWER_SCHEMA } from './boardLoading'
import { ClientWriteCheck } from './clientWriteCheck'
import { CLOSE_INTERNAL_ERROR, Connection } from './connection'
import { addsOnlyUserRecords, clientWriteUpdate, hasPendingUpdates, hasUnknownStructs } from './clientWriteUpdate'
import type { RecordGuard } from './recordGuard'
import { ReviewFeed } from './reviewFeed'
import { RoomAwareness } from './roomAwareness'
import { ServerOwnedMap } from './serverOwnedMap'
import { applyCheckedServerChange } from './serverChange'
import type { SyncPersistence } from './roomPersistence'
import { logSyncError, logSyncWarning } from './syncLog'
import {
  BadMessageError,
  decodeClientMessage,
  encodeNotice,
  encodeSyncStep1,
} from './syncMessages'

/** Origin of the transactions the server makes itself: seeding, migrations, repairs. */
const SERVER_ORIGIN = Symbol('storyloom.server')
/** Pending updates came from more than one origin: broadcast to everyone. */
const MIXED_ORIGINS = Symbol('storyloom.mixed')

const READ_ONLY_MESSAGE = 'You can view this board but not edit it: your changes are not saved.'

/** Settings and callbacks a room gets from the sync server. */
export type RoomOptions = {
  boardId: string
  persistence: SyncPersistence
  /** Compact once the board's log has this many entries, whatever its size (see BoardLog). */
  compactAfterUpdates: number
  /** Unload this long after the last connection left. */
  unloadAfterMs: number
  /** Called once when the room unloads or is dropped, so the server forgets it. */
  onClosed(room: Room): void
  /** Shapes (shots among them) were deleted from the doc, by anyone: their generations are dropped. */
  onShapesDeleted?: (boardId: string, shapeIds: string[]) => void
}

/** The live room of one board. Create with `Room.open`. */
export class Room {
  readonly boardId: string
  private readonly awareness: RoomAwareness
  /** Every connection on the room, with the feed that serves it. */
  private readonly connections = new Map<Connection, DocFeed>()
  private readonly boardFeed: BoardFeed

  // Updates applied but not yet persisted and broadcast (see applyClientWrite).
  private pending: Uint8Array[] = []
  private pendingOrigin: unknown = undefined
  private pendingNotices: [Connection, SyncNotice][] = []
  private flushHandle: NodeJS.Immediate | undefined
  private unloadTimer: NodeJS.Timeout | undefined

  // What the client transaction being applied touched (filled by afterTransaction).
  private writer: Connection | undefined
  private writerTransaction: Y.Transaction | undefined
  /** Set while a client write is applied: applyClientWrite decides when it is flushed. */
  private inClientWrite = false
  private readonly writeCheck: ClientWriteCheck
  /** Review badges and verdicts: written by the server only (see ServerOwnedMap). */
  private readonly review: ServerOwnedMap
  /** What client-review connections are served instead of the board doc. */
  private readonly reviewFeed: ReviewFeed

  /** A client write was already flushed in this event-loop turn; later ones wait for its end. */
  private flushedThisTurn = false
  private turnEndHandle: NodeJS.Immediate | undefined
  private readonly log: BoardLog
  private disposed = false

  private constructor(
    private readonly options: RoomOptions,
    private readonly doc: Y.Doc,
    private readonly guard: RecordGuard,
    stored: { lastSeq: number; logLength: number; logBytes: number; snapshotBytes: number },
  ) {
    this.boardId = options.boardId
    const { boardId, persistence, compactAfterUpdates } = options
    this.log = new BoardLog({ boardId, persistence, compactAfterUpdates, compactInline: () => this.compact() }, stored)
    this.review = new ServerOwnedMap(doc, REVIEW)
    this.writeCheck = new ClientWriteCheck(boardId, doc, guard, this.review, SERVER_ORIGIN)
    this.boardFeed = new BoardFeed(doc)
    this.reviewFeed = new ReviewFeed(boardId, doc, options.unloadAfterMs)
    this.awareness = new RoomAwareness(doc, (id) => this.reviewFeed.showsShot(id))
    doc.on('afterTransaction', this.onAfterTransaction)
    doc.on('update', this.onUpdate)
    persistence.keepCover(boardId, () =>
      boardCoverAssetId(
        boardId,
        recordsMap(doc).values(),
        (sha256) => persistence.hasAsset(boardId, sha256),
        (shotId, versionId) => persistence.takeAssets(boardId, shotId, versionId),
      ),
    )
  }

  /**
   * Loads a board (see loadBoard). Synchronous, so the server can register the room before
   * anything else runs: concurrent first connections share one load.
   */
  static open(options: RoomOptions): Room | typeof NEWER_SCHEMA {
    const loaded = loadBoard(options.boardId, options.persistence, SERVER_ORIGIN)
    return loaded === NEWER_SCHEMA ? NEWER_SCHEMA : new Room(options, loaded.doc, loaded.guard, loaded.stored)
  }

  get connectionCount(): number {
    return this.connections.size
  }

  /** Reads the doc as it is now (including writes not yet flushed). */
  read<T>(fn: (doc: Y.Doc) => T): T {
    this.unloadWhenIdle()
    return fn(this.doc)
  }

  /** Adds a connection and starts the sync handshake (server step 1, current awareness). */
  join(conn: Connection): void {
    if (this.unloadTimer) clearTimeout(this.unloadTimer)
    this.unloadTimer = undefined
    const feed = conn.review ? this.reviewFeed : this.boardFeed
    this.connections.set(conn, feed)
    conn.socket.on('message', (data, isBinary) => this.receive(conn, data as Buffer, isBinary))
    conn.socket.on('close', () => this.leave(conn))
    this.flush() // a feed shows only what is on disk
    if (this.disposed) return // the flush failed and closed the room, with this connection
    feed.add(conn)
    this.awareness.add(conn)
  }

  /**
   * Asks a connection for what the room lacks (server sync step 1), after a read-only connection
   * became writable: its later updates build on the ones that were dropped, and would otherwise
   * wait forever for them on the server.
   */
  resync(conn: Connection): void {
    if (this.disposed || this.connections.get(conn) !== this.boardFeed) return // only the team writes
    this.flush()
    conn.send(encodeSyncStep1(this.doc))
  }

  private leave(conn: Connection): void {
    const feed = this.connections.get(conn)
    if (this.disposed || !feed) return
    this.connections.delete(conn)
    feed.remove(conn)
    this.awareness.remove(conn)
    this.unloadWhenIdle()
  }

  /** With nobody connected (the last left, or the server opened the room itself), unload after a while. */
  private unloadWhenIdle(): void {
    if (this.connections.size > 0 || this.unloadTimer) return
    this.unloadTimer = setTimeout(() => this.unload(), this.options.unloadAfterMs)
    this.unloadTimer.unref()
  }

  /**
   * Applies a change the server makes (a board restore, a generation result) as one update,
   * checked like a client write, then persisted and broadcast to everyone. Throws
   * `ServerChangeRefusedError` (and writes nothing lasting) if it would leave invalid records.
   */
  applyServerChange(change: (doc: Y.Doc) => void): void {
    if (this.disposed) throw new Error(`room ${this.boardId} is closed`)
    try {
      applyCheckedServerChange(this.doc, this.guard, SERVER_ORIGIN, change)
    } finally {
      this.flush()
      this.unloadWhenIdle()
    }
  }

  /** The whole doc as one update, with everything pending persisted first. */
  encodeState(): Uint8Array {
    this.flush()
    this.unloadWhenIdle()
    return Y.encodeStateAsUpdate(this.doc)
  }

  /** Handles one message; a message that is too large or malformed closes only its connection. */
  private receive(conn: Connection, data: Buffer, isBinary: boolean): void {
    const feed = this.connections.get(conn)
    if (this.disposed || !feed || !conn.open) return
    if (data.length > MAX_SYNC_MESSAGE_BYTES) {
      logSyncWarning({ boardId: this.boardId, connection: conn.id }, `closing: ${data.length}-byte message over the limit`)
      conn.close(CloseCode.tooLarge)
      return
    }
    try {
      if (!isBinary) throw new BadMessageError('text frame')
      const message = decodeClientMessage(data)
      switch (message.kind) {
        case 'syncStep1':
          // Never show a client state that is not on disk yet.
          this.flush()
          if (!this.disposed) feed.answerSyncStep1(conn, message.stateVector)
          break
        case 'syncStep2':
        case 'update':
          if (conn.readOnly) this.refuseReadOnlyWrite(conn, feed, message.kind, message.update)
          else this.applyClientWrite(conn, message.update)
          break
        case 'awareness':
          // A presenter's screen may name a shot they just wrote: reviewers get the shot first.
          if (!conn.review && this.reviewFeed.connected) this.flush()
          if (this.disposed) break
          this.awareness.apply(conn, message.update)
          break
        case 'queryAwareness':
          this.awareness.sendAll(conn)
          break
      }
    } catch (error) {
      logSyncWarning({ boardId: this.boardId, connection: conn.id }, 'closing: malformed message', error)
      conn.close(CloseCode.badMessage)
    }
  }

  /**
   * Applies a client's update with the connection as origin, validates the records it touched
   * and, if any is invalid, repairs them in a server transaction before anything is persisted
   * or broadcast: the flush sends the merged net result, so others never see the invalid state.
   */
  private applyClientUpdate(conn: Connection, update: Uint8Array): void {
    let failure: unknown
    // Yjs encodes a transaction's update only for `update` listeners: with nothing pending that
    // this update could complete, clientWriteUpdate spares that. Otherwise Yjs encodes it.
    const listening = hasPendingUpdates(this.doc)
    this.writer = conn
    if (!listening) this.doc.off('update', this.onUpdate)
    try {
      Y.applyUpdate(this.doc, update, conn)
    } catch (error) {
      failure = error // what was integrated before the error is still checked below
    } finally {
      if (!listening) this.doc.on('update', this.onUpdate)
      this.writer = undefined
    }
    const transaction = this.writerTransaction
    this.writerTransaction = undefined
    if (transaction && !listening) {
      const applied = clientWriteUpdate(this.doc, update, transaction, failure === undefined && !hasPendingUpdates(this.doc))
      if (applied) this.onUpdate(applied, conn)
    }
    const notice = this.writeCheck.repair(conn.id)
    if (notice) this.pendingNotices.push([conn, notice])
    if (failure !== undefined) throw new BadMessageError('update could not be applied', { cause: failure })
  }

  /**
   * Drops a read-only connection's write, telling it once. An empty or already-known step 2 is no
   * write; the user record a canvas writes by itself on opening is not one the person made.
   */
  private refuseReadOnlyWrite(conn: Connection, feed: DocFeed, kind: 'syncStep2' | 'update', update: Uint8Array): void {
    if (conn.readOnlyNoticeSent) return
    if (kind === 'syncStep2' && !hasUnknownStructs(feed.doc, update)) return
    if (addsOnlyUserRecords(feed.doc, update)) return
    conn.readOnlyNoticeSent = true
    conn.send(encodeNotice({ code: NoticeCode.readOnly, message: READ_ONLY_MESSAGE }))
  }

  /**
   * Applies a client write, then flushes it. The first client write of an event-loop turn is
   * persisted and broadcast at once (latency); writes that arrive later in the same turn — only
   * under load — wait for the end-of-turn flush and go out merged, as one log entry and one
   * message (throughput).
   */
  private applyClientWrite(conn: Connection, update: Uint8Array): void {
    this.inClientWrite = true
    try {
      this.applyClientUpdate(conn, update)
    } finally {
      this.inClientWrite = false
      if (this.pending.length > 0) {
        if (this.flushedThisTurn) {
          this.flushHandle ??= setImmediate(this.flush)
        } else {
          this.flushedThisTurn = true
          this.turnEndHandle ??= setImmediate(this.endTurn)
          this.flush()
        }
      }
    }
  }

  private readonly endTurn = (): void => {
    this.turnEndHandle = undefined
    this.flushedThisTurn = false
  }

  private readonly onAfterTransaction = (transaction: Y.Transaction): void => {
    const byClient = this.writer !== undefined && transaction.origin === this.writer
    this.review.observe(transaction, byClient)
    this.tellDeletedShapes(transaction)
    if (!byClient) return
    this.writerTransaction = transaction
    this.writeCheck.noteTouched(transaction)
  }

  /** Tells `onShapesDeleted` of the shapes the transaction removed (after it: the listener may read the doc). */
  private tellDeletedShapes(transaction: Y.Transaction): void {
    const listener = this.options.onShapesDeleted
    const records = recordsMap(this.doc)
    const keys = listener && transaction.changed.get(records as unknown as Y.AbstractType<Y.YEvent<any>>)
    if (!keys) return
    const deleted = [...keys].filter((id): id is string => id !== null && id.startsWith('shape:') && !records.has(id))
    if (deleted.length === 0) return
    queueMicrotask(() => {
      try {
        listener(this.boardId, deleted)
      } catch (error) {
        logSyncError({ boardId: this.boardId }, 'a listener of deleted shapes failed', error)
      }
    })
  }

  private readonly onUpdate = (update: Uint8Array, origin: unknown): void => {
    this.pending.push(update)
    if (this.pendingOrigin === undefined) this.pendingOrigin = origin
    else if (this.pendingOrigin !== origin) this.pendingOrigin = MIXED_ORIGINS
    if (!this.inClientWrite) this.flushHandle ??= setImmediate(this.flush)
  }

  /**
   * Persists the pending updates as one log entry, then broadcasts them as one message (encoded
   * once) — to everyone but the writer when a single connection wrote it all unrepaired — then
   * sends queued notices. Also runs at the end of every turn with pending updates (see applyClientWrite).
   */
  private readonly flush = (): void => {
    if (this.flushHandle) clearImmediate(this.flushHandle)
    this.flushHandle = undefined
    if (this.disposed) return
    if (this.pending.length > 0) {
      const update = this.pending.length === 1 ? this.pending[0]! : Y.mergeUpdates(this.pending)
      const origin = this.pendingOrigin
      this.pending = []
      this.pendingOrigin = undefined
      try {
        this.log.append(update) // may schedule a compaction, which starts after this turn
      } catch (error) {
        this.failPersistence(error)
        return
      }
      this.boardFeed.broadcast(update, origin instanceof Connection ? origin : undefined)
      this.reviewFeed.catchUp()
    }
    if (this.pendingNotices.length > 0) {
      for (const [conn, notice] of this.pendingNotices) conn.send(encodeNotice(notice))
      this.pendingNotices = []
    }
  }

  /**
   * Writes the doc re-encoded (deleted content dropped) as the board's snapshot and deletes the
   * log entries it covers, in one SQLite transaction, on the event loop (unload and shutdown).
   */
  compact(): void {
    this.flush()
    if (this.disposed) return
    this.log.compactNow(() => Y.encodeStateAsUpdate(this.doc))
  }

  private unload(): void {
    this.unloadTimer = undefined
    if (this.disposed || this.connections.size > 0) return
    this.compact()
    this.dispose()
  }

  /** Server shutdown: persist what is pending, close every connection with `code`, compact, unload. */
  shutdown(code: number): void {
    if (this.disposed) return
    this.flush()
    for (const conn of this.connections.keys()) conn.close(code)
    this.compact()
    this.dispose()
  }

  /** Closes every connection with `code` and unloads WITHOUT writing anything (board deleted). */
  drop(code: number): void {
    if (this.disposed) return
    // Deleted, or the database is failing: nothing more is written for it.
    this.options.persistence.releaseCover(this.boardId, false)
    this.pending = []
    this.pendingNotices = []
    for (const conn of this.connections.keys()) conn.close(code)
    this.dispose()
  }

  private failPersistence(error: unknown): void {
    let boardGone = false
    try {
      boardGone = !this.options.persistence.boardExists(this.boardId)
    } catch {
      // the database itself is failing; report it as such below
    }
    if (boardGone) {
      this.drop(CloseCode.boardNotFound)
      return
    }
    // Clients keep their edits and resend them (sync step 2) when they reconnect to a fresh room.
    logSyncError({ boardId: this.boardId }, 'could not persist an update; closing the room', error)
    this.drop(CLOSE_INTERNAL_ERROR)
  }

  private dispose(): void {
    this.disposed = true
    if (this.flushHandle) clearImmediate(this.flushHandle)
    this.log.close()
    if (this.turnEndHandle) clearImmediate(this.turnEndHandle)
    if (this.unloadTimer) clearTimeout(this.unloadTimer)
    this.connections.clear()
    this.reviewFeed.destroy()
    this.awareness.destroy()
    this.doc.off('update', this.onUpdate)
    this.doc.off('afterTransaction', this.onAfterTransaction)
    this.options.persistence.releaseCover(this.boardId, true)
    this.doc.destroy()
    this.options.onClosed(this)
  }
}
