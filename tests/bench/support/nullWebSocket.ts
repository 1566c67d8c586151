import { Duplex } from 'node:stream'
import { WebSocket } from 'ws'

/** A TCP socket stand-in: accepts writes and drops them, never reads. */
class NullSocket extends Duplex {
  override _read(): void {}
  override _write(_chunk: unknown, _encoding: BufferEncoding, callback: (error?: Error | null) => void): void {
    callback()
  }
  override _writev(_chunks: unknown[], callback: (error?: Error | null) => void): void {
    callback()
  }
  setNoDelay(): void {}
  setTimeout(): void {}
}

/**
 * A real, open server-side ws WebSocket over a socket whose writes go nowhere: sends go through
 * ws's own framing and the stream machinery, without the network or a peer.
 */
export function nullWebSocket(): WebSocket {
  const socket = new WebSocket(null as never, undefined, {})
  ;(socket as unknown as { setSocket(socket: Duplex, head: Buffer, options: object): void }).setSocket(new NullSocket(), Buffer.alloc(0), {
    maxPayload: 100 * 1024 * 1024,
  })
  return socket
}
