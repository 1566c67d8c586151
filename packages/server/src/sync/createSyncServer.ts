/**
 * The board sync endpoint (`/sync/<boardId>`, y-websocket protocol; see docs/sync-endpoint.md):
 * checks each upgrade (path, Origin, authorize hook), then hands the socket to its board's room,
 * loading the room on first use.
 */
import type { IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { WebSocketServer, type WebSocket } from 'ws'
import { canEditDoc, type BoardRole } from '@storyloom/shared/access/roles'
import { ACCOUNT_DELETED_REASON, CloseCode, CloseReason, NoticeCode, type SyncNotice } from '@storyloom/shared/protocol/syncProtocol'
import type * as Y from 'yjs'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import { allowEveryone, type Authorize, type SyncAccess } from './authorize'
import { CLOSE_INTERNAL_ERROR, Connection, WS_MAX_PAYLOAD } from './connection'
import { isOriginAllowed } from './originCheck'
import { NEWER_SCHEMA } from './boardLoading'
import { Room } from './room'
import { SyncPersistence } from './roomPersistence'
import { chooseCoverAgain, fillUnknownCovers } from './coverBackfill'
import { logSyncError, logSyncWarning } from './syncLog'
import { encodeNotice, HEARTBEAT_MESSAGE } from './syncMessages'
import { boardIdOfRequest, rejectUpgrade } from './upgradeRequest'

export type SyncServer = {
  /** Handles an HTTP upgrade request (wire to the HTTP server's `upgrade` event). */
  handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void
  /**
   * The board was deleted: close its connections with `boardNotFound` and unload its room —
   * saving what it holds when `keepEdits` (moved to the trash), unsaved otherwise (deleted forever).
   */
  closeBoard(boardId: string, options?: { keepEdits?: boolean }): void
  /**
   * A user's role on a board changed (`undefined`: removed). Their open connections to it are
   * downgraded or upgraded in place (and told), or closed with `forbidden`.
   */
  updateAccess(boardId: string, userId: string, role: BoardRole | undefined): void
  /** The account was deleted: closes all its open connections with `unauthorized`, saying why. */
  closeAccount(userId: string): void
  /**
   * Some of the account's sessions ended (its password was changed): closes its open connections
   * whose session is gone with `unauthorized` and `reason` at once, rather than at the next keepalive.
   */
  closeEndedSessions(userId: string, reason: string): void
  /** The board was renamed: tells every open connection to it (a `board_renamed` notice). */
  boardRenamed(boardId: string, name: string): void
  /** The board's members or open invite links changed: tells every open connection to it (`members_changed`). */
  membersChanged(boardId: string): void
  /**
   * Applies a server-made change to a board's live doc (loading it if needed): validated,
   * persisted and broadcast like any accepted update. See `Room.applyServerChange`.
   */
  changeBoard(boardId: string, change: (doc: Y.Doc) => void): void
  /** The board's current doc state as one Yjs update. */
  boardState(boardId: string): Uint8Array
  stats(): { rooms: number; connections: number }
  /** Chooses the cover of every board whose cover is not known yet (see coverBackfill.ts). */
  fillUnknownCovers(signal: AbortSignal): Promise<number>
  /** Chooses the board's cover again now, from its doc as it is (see coverBackfill.ts); whether it changed. */
  chooseCover(boardId: string): boolean
  /**
   * Runs `fn` on the board's doc (loading the room if needed), for the server's own reads and
   * writes: `room.read` sees the live doc, `room.applyServerChange` writes like an accepted
   * update (validated, persisted, broadcast). Throws {@link BoardUnavailableError} when the
   * board does not exist or cannot be opened here.
   */
  withRoom<T>(boardId: string, fn: (room: Pick<Room, 'read' | 'applyServerChange'>) => T): T
  /** Closes every socket (`goingAway`), persists and compacts every room. */
  close(): Promise<void>
}

/** The server could not open a board for its own read or write. */
export class BoardUnavailableError extends Error {
  override readonly name = 'BoardUnavailableError'
  constructor(
    readonly boardId: string,
    readonly reason: string,
    /** Whether it may be available later (`stopping`) or not on this server (`missing`, `newer_schema`): a job of it is dropped only then. */
    readonly kind: 'stopping' | 'missing' | 'newer_schema',
  ) {
    super(`board ${boardId} is unavailable: ${reason}`)
  }
}

/** Knobs with production defaults; tests shorten them. */
export type SyncTuning = {
  /**
   * Compact a live board once its update log has this many entries (or, before that, once it is
   * as large as the board's snapshot, see BoardLog). Default {@link DEFAULT_COMPACT_AFTER_UPDATES}.
   */
  compactAfterUpdates?: number
  /** Unload a room this long after its last connection left. Default 5 s. */
  unloadAfterMs?: number
  /** Ping every connection this often; one that missed the previous pong is dropped. Default 30 s. */
  keepaliveMs?: number
  /** Send every connection {@link HEARTBEAT_MESSAGE} this often. Default 10 s. */
  heartbeatMs?: number
}

/**
 * The most log entries a live board keeps before compaction: a load after a crash replays at
 * most this many (~15 µs each, ~75 ms in all for shape moves).
 */
export const DEFAULT_COMPACT_AFTER_UPDATES = 5_000

/** How long `close()` waits for clients to answer the close handshake before dropping them. */
const CLOSE_GRACE_MS = 2_000

function closeSocket(ws: WebSocket, code: CloseCode): void {
  ws.close(code, CloseReason[code])
}

/** Creates the sync endpoint. It accepts sockets only through `handleUpgrade`. */
export function createSyncServer(opts: {
  db: Db
  config: ServerConfig
  authorize?: Authorize
  tuning?: SyncTuning
  /**
   * A board's contents were edited: called after its `updated_at` moved, which happens at most
   * once per board every few seconds (see SyncPersistence). The board list listens.
   */
  onBoardEdited?: (boardId: string) => void
  /** Shapes were deleted from a board's doc (by a client or the server): see `RoomOptions.onShapesDeleted`. */
  onShapesDeleted?: (boardId: string, shapeIds: string[]) => void
}): SyncServer {
  const { config } = opts
  const authorize = opts.authorize ?? allowEveryone
  const tuning = { compactAfterUpdates: DEFAULT_COMPACT_AFTER_UPDATES, unloadAfterMs: 5_000, keepaliveMs: 30_000, heartbeatMs: 10_000, ...opts.tuning }
  const persistence = new SyncPersistence(opts.db, opts.onBoardEdited)
  const wss = new WebSocketServer({ noServer: true, maxPayload: WS_MAX_PAYLOAD, perMessageDeflate: false, clientTracking: false })
  const rooms = new Map<string, Room>()
  const connections = new Set<Connection>()
  let closing: Promise<void> | undefined

  const keepalive = setInterval(() => {
    for (const conn of connections) {
      if (stillValid(conn)) conn.keepalive()
      else conn.close(CloseCode.unauthorized)
    }
  }, tuning.keepaliveMs)
  keepalive.unref()
  // Pings are not messages to a browser: y-websocket takes a socket that received no message for
  // 30 s as dead and reopens it, which a client alone on a quiet board (or a review link) was.
  const heartbeat = setInterval(() => {
    for (const conn of connections) conn.send(HEARTBEAT_MESSAGE)
  }, tuning.heartbeatMs)
  heartbeat.unref()

  /** False once the connection's grant ended (signed out, expired); a failing check keeps it open and is logged. */
  function stillValid(conn: Connection): boolean {
    try {
      return conn.access.stillValid?.() ?? true
    } catch (error) {
      logSyncError({ boardId: conn.boardId, connection: conn.id }, 'could not re-check the connection’s session', error)
      return true
    }
  }

  /** The board's room, loading it if needed. Loading is synchronous: no two loads of one board. */
  function roomFor(boardId: string): Room | typeof NEWER_SCHEMA {
    const existing = rooms.get(boardId)
    if (existing) return existing
    const opened = Room.open({
      boardId,
      persistence,
      compactAfterUpdates: tuning.compactAfterUpdates,
      unloadAfterMs: tuning.unloadAfterMs,
      ...(opts.onShapesDeleted ? { onShapesDeleted: opts.onShapesDeleted } : {}),
      onClosed: (room) => {
        if (rooms.get(boardId) === room) rooms.delete(boardId)
      },
    })
    if (opened !== NEWER_SCHEMA) rooms.set(boardId, opened)
    return opened
  }

  function accept(ws: WebSocket, boardId: string, access: SyncAccess | 'forbidden'): void {
    if (access === 'forbidden' || closing) {
      ws.on('error', () => {})
      closeSocket(ws, closing ? CloseCode.goingAway : CloseCode.forbidden)
      return
    }
    const conn = new Connection(ws, boardId, access)
    ws.on('error', (error) => logSyncWarning({ boardId, connection: conn.id }, 'socket error', error))
    let room: Room | typeof NEWER_SCHEMA
    try {
      // Accept, then close: browsers cannot read the status of a refused upgrade, but they see close codes.
      if (!persistence.boardExists(boardId)) {
        conn.close(CloseCode.boardNotFound)
        return
      }
      room = roomFor(boardId)
    } catch (error) {
      logSyncError({ boardId }, 'could not open the board', error)
      conn.close(CLOSE_INTERNAL_ERROR, 'could not open the board')
      return
    }
    if (room === NEWER_SCHEMA) {
      logSyncWarning({ boardId }, 'board was written by a newer Storyloom; refusing to open it')
      conn.close(CloseCode.upgradeRequired)
      return
    }
    connections.add(conn)
    ws.on('close', () => connections.delete(conn))
    room.join(conn)
  }

  function handleUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    const boardId = boardIdOfRequest(req)
    if (boardId === 'not-sync') return rejectUpgrade(socket, 404)
    if (boardId === 'bad-id') return rejectUpgrade(socket, 400)
    if (closing) return rejectUpgrade(socket, 503)
    if (!isOriginAllowed(req, config.allowedOrigins)) return rejectUpgrade(socket, 403)
    // The HTTP server detached its error handler on upgrade; cover the wait for authorize.
    const onEarlyError = () => socket.destroy()
    socket.on('error', onEarlyError)
    authorize(req, boardId).then(
      (access) => {
        if (socket.destroyed) return
        if (access === null) return rejectUpgrade(socket, 401)
        if (closing) return rejectUpgrade(socket, 503)
        socket.off('error', onEarlyError)
        wss.handleUpgrade(req, socket, head, (ws) => accept(ws, boardId, access))
      },
      (error: unknown) => {
        logSyncError({ boardId }, 'authorize hook failed', error)
        rejectUpgrade(socket, 500)
      },
    )
  }

  function withRoom<T>(boardId: string, fn: (room: Pick<Room, 'read' | 'applyServerChange'>) => T): T {
    if (closing) throw new BoardUnavailableError(boardId, 'the server is stopping', 'stopping')
    if (!persistence.boardExists(boardId)) throw new BoardUnavailableError(boardId, 'the board does not exist', 'missing')
    const room = roomFor(boardId)
    if (room === NEWER_SCHEMA) throw new BoardUnavailableError(boardId, 'the board was written by a newer Storyloom', 'newer_schema')
    return fn(room)
  }

  function closeBoard(boardId: string, { keepEdits = false }: { keepEdits?: boolean } = {}): void {
    const room = rooms.get(boardId)
    if (!room) return
    rooms.delete(boardId)
    // A board moved to the trash keeps its last edits for a restore; one deleted forever writes nothing.
    if (keepEdits) room.shutdown(CloseCode.boardNotFound)
    else room.drop(CloseCode.boardNotFound)
  }

  function updateAccess(boardId: string, userId: string, role: BoardRole | undefined): void {
    for (const conn of connections) {
      if (conn.boardId !== boardId || conn.access.userId !== userId) continue
      if (role === undefined) {
        conn.close(CloseCode.forbidden)
        continue
      }
      const wasReadOnly = conn.readOnly
      conn.access = { ...conn.access, role, readOnly: !canEditDoc(role) }
      conn.send(encodeNotice({ code: NoticeCode.accessChanged, role }))
      if (wasReadOnly && !conn.readOnly) rooms.get(boardId)?.resync(conn)
    }
  }

  function closeAccount(userId: string): void {
    for (const conn of connections) if (conn.access.userId === userId) conn.close(CloseCode.unauthorized, ACCOUNT_DELETED_REASON)
  }

  function closeEndedSessions(userId: string, reason: string): void {
    for (const conn of connections) if (conn.access.userId === userId && !stillValid(conn)) conn.close(CloseCode.unauthorized, reason)
  }

  /** Sends `notice` to the board's connections (`team`: not to client-review links' connections). */
  function tellBoard(boardId: string, notice: SyncNotice, { team = false } = {}): void {
    const encoded = encodeNotice(notice)
    for (const conn of connections) if (conn.boardId === boardId && !(team && conn.review)) conn.send(encoded)
  }

  function boardRenamed(boardId: string, name: string): void {
    tellBoard(boardId, { code: NoticeCode.boardRenamed, name })
  }

  function membersChanged(boardId: string): void {
    // Reviewers through a link are not members and have no members dialog.
    tellBoard(boardId, { code: NoticeCode.membersChanged }, { team: true })
  }

  /** The board's room for a server-side read or change; throws if it cannot be opened here. */
  function openRoom(boardId: string): Room {
    if (closing) throw new Error('the server is shutting down')
    if (!persistence.boardExists(boardId)) throw new Error(`board ${boardId} does not exist`)
    const room = roomFor(boardId)
    if (room === NEWER_SCHEMA) throw new Error(`board ${boardId} was written by a newer Storyloom`)
    return room
  }

  async function shutdown(): Promise<void> {
    clearInterval(keepalive)
    clearInterval(heartbeat)
    const open = [...connections]
    for (const room of [...rooms.values()]) {
      try {
        room.shutdown(CloseCode.goingAway)
      } catch (error) {
        logSyncError({ boardId: room.boardId }, 'could not persist the room on shutdown', error)
      }
    }
    rooms.clear()
    let timer: NodeJS.Timeout | undefined
    const closed = Promise.all(
      open.map((conn) => new Promise<void>((resolve) => {
        if (conn.socket.readyState === conn.socket.CLOSED) resolve()
        else conn.socket.once('close', () => resolve())
      })),
    )
    await Promise.race([closed, new Promise<void>((resolve) => (timer = setTimeout(resolve, CLOSE_GRACE_MS)))])
    clearTimeout(timer)
    for (const conn of open) conn.terminate()
    await persistence.dispose()
    await new Promise<void>((resolve) => wss.close(() => resolve()))
  }

  return {
    handleUpgrade,
    closeBoard,
    withRoom,
    updateAccess,
    closeAccount,
    closeEndedSessions,
    boardRenamed,
    membersChanged,
    changeBoard: (boardId, change) => openRoom(boardId).applyServerChange(change),
    boardState: (boardId) => openRoom(boardId).encodeState(),
    stats: () => ({ rooms: rooms.size, connections: connections.size }),
    fillUnknownCovers: (signal) => fillUnknownCovers({ db: opts.db, persistence, isOpen: (boardId) => rooms.has(boardId) }, signal),
    chooseCover: (boardId) => chooseCoverAgain({ db: opts.db, persistence }, boardId),
    close: () => (closing ??= shutdown()),
  }
}
