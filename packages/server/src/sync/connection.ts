/**
 * One client's socket on a board: what it may do, sending with backpressure protection, closing
 * with a named code, and liveness for keepalive pings.
 */
import type { Duplex } from 'node:stream'
import type { WebSocket } from 'ws'
import { CloseCode, CloseReason, MAX_SYNC_MESSAGE_BYTES } from '@storyloom/shared/protocol/syncProtocol'
import type { SyncAccess } from './authorize'

/**
 * ws refuses frames above its `maxPayload` itself, closing with 1009 before the app sees them.
 * The sync socket's `maxPayload`: a little above the protocol limit, so that messages just over
 * it still reach the app-level size check.
 */
export const WS_MAX_PAYLOAD = MAX_SYNC_MESSAGE_BYTES + 64 * 1024

/** A reader this far behind (bytes queued in the socket) is disconnected instead of buffered without bound. */
const MAX_BUFFERED_BYTES = 64 * 1024 * 1024

/** WebSocket close code 1011: the server hit an unexpected condition (clients reconnect). */
export const CLOSE_INTERNAL_ERROR = 1011
/** WebSocket close code 1013: try again later (clients reconnect). */
const CLOSE_TRY_AGAIN_LATER = 1013
/** WebSocket close code 1009, which ws uses for frames above `maxPayload`. */
const CLOSE_MESSAGE_TOO_BIG = 1009

let nextConnectionId = 1

/** A client's socket on one board. */
export class Connection {
  /** For logs only. */
  readonly id = nextConnectionId++
  /** Set by keepalive: false after a ping until the pong arrives. */
  alive = true
  /** A read-only connection is told once that its writes are dropped. */
  readOnlyNoticeSent = false
  private closing = false

  constructor(
    readonly socket: WebSocket,
    readonly boardId: string,
    private currentAccess: SyncAccess,
  ) {
    // Clients stop reconnecting only on 44xx codes, so an over-limit frame refused by ws must
    // end as 4413 like one refused by our own size check (ws calls the public close()).
    const close = socket.close.bind(socket)
    socket.close = (code?: number, reason?: string | Buffer) =>
      code === CLOSE_MESSAGE_TOO_BIG ? close(CloseCode.tooLarge, CloseReason[CloseCode.tooLarge]) : close(code, reason)
    socket.on('pong', () => {
      this.alive = true
    })
  }

  /** What this connection may do; changes while it is open when its role on the board changes. */
  get access(): SyncAccess {
    return this.currentAccess
  }

  set access(access: SyncAccess) {
    this.currentAccess = access
    this.readOnlyNoticeSent = false // a later downgrade is told again
  }

  get readOnly(): boolean {
    return this.currentAccess.readOnly || this.review
  }

  /** A client-review link: it is served the board's review projection, not the board (see SyncAccess). */
  get review(): boolean {
    return this.currentAccess.review === true
  }

  /** False once closing started: nothing more is sent or handled. */
  get open(): boolean {
    return !this.closing && this.socket.readyState === this.socket.OPEN
  }

  /** Sends one message (encoded once by the caller, shared by every recipient). */
  send(message: Uint8Array): void {
    if (!this.open) return
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE_TRY_AGAIN_LATER, 'too far behind')
      return
    }
    this.socket.send(message)
  }

  /**
   * Sends a message framed once by {@link frameBroadcast}: a broadcast writes the same bytes to
   * every reader instead of letting ws frame the message again for each socket.
   */
  sendFramed(frame: Buffer, message: Uint8Array): void {
    if (!this.open) return
    if (this.socket.bufferedAmount > MAX_BUFFERED_BYTES) {
      this.close(CLOSE_TRY_AGAIN_LATER, 'too far behind')
      return
    }
    const raw = rawSocketOf(this.socket)
    if (raw) raw.write(frame)
    else this.socket.send(message)
  }

  /** Closes with a Storyloom code (reason from `CloseReason`) or a standard one. */
  close(code: CloseCode | number, reason?: string): void {
    if (this.closing) return
    this.closing = true
    this.socket.close(code, reason ?? CloseReason[code as CloseCode] ?? '')
  }

  /** Drops the socket without a close handshake (dead peer, or shutdown timeout). */
  terminate(): void {
    this.closing = true
    this.socket.terminate()
  }

  /** Keepalive tick: terminate if the last ping got no pong, else ping again. */
  keepalive(): void {
    if (!this.alive) {
      this.terminate()
      return
    }
    this.alive = false
    try {
      this.socket.ping()
    } catch {
      this.terminate()
    }
  }
}

/**
 * The TCP socket under a ws WebSocket, or undefined if ws no longer keeps it where we look.
 * Private ws API (`_socket`, ws 8), used only here; connection.test.ts fails if it moves, since
 * the fallback (ws framing each send again) would otherwise slow broadcasts silently. Writing to
 * it directly is safe on this server: without compression (off) and without Blob sends (none),
 * ws's sender never queues, so a whole frame written here cannot interleave with one of its own.
 */
export function rawSocketOf(socket: WebSocket): Duplex | undefined {
  return (socket as unknown as { _socket?: Duplex | null })._socket ?? undefined
}

/**
 * Frames `message` as one final, unmasked, uncompressed binary WebSocket frame (RFC 6455 §5.2:
 * what a server sends), header and payload in one buffer, for {@link Connection.sendFramed}.
 */
export function frameBroadcast(message: Uint8Array): Buffer {
  const length = message.byteLength
  const headerLength = length < 126 ? 2 : length <= 0xffff ? 4 : 10
  const frame = Buffer.allocUnsafe(headerLength + length)
  frame[0] = 0x82 // FIN + opcode 2 (binary)
  if (length < 126) {
    frame[1] = length
  } else if (length <= 0xffff) {
    frame[1] = 126
    frame.writeUInt16BE(length, 2)
  } else {
    frame[1] = 127
    frame.writeBigUInt64BE(BigInt(length), 2)
  }
  frame.set(message, headerLength)
  return frame
}
