/**
 * The HTTP side of a sync upgrade: which board a request is for, and refusing an upgrade with a
 * plain HTTP status before any WebSocket exists.
 */
import { STATUS_CODES, type IncomingMessage } from 'node:http'
import type { Duplex } from 'node:stream'
import { BOARD_ID_PATTERN } from '@storyloom/shared/api/boards'
import { SYNC_PATH } from '@storyloom/shared/protocol/syncProtocol'

/** The board id of a `/sync/<boardId>[?query]` request, `'not-sync'` for other paths, `'bad-id'` for a malformed id. */
export function boardIdOfRequest(req: IncomingMessage): string | 'not-sync' | 'bad-id' {
  const url = req.url ?? ''
  const queryStart = url.indexOf('?')
  const path = queryStart === -1 ? url : url.slice(0, queryStart)
  const prefix = `${SYNC_PATH}/`
  if (!path.startsWith(prefix)) return 'not-sync'
  const boardId = path.slice(prefix.length)
  return BOARD_ID_PATTERN.test(boardId) ? boardId : 'bad-id'
}

/** Answers the upgrade request with an HTTP error status and closes the socket. */
export function rejectUpgrade(socket: Duplex, status: 400 | 401 | 403 | 404 | 500 | 503): void {
  if (socket.destroyed) return
  // After an upgrade the HTTP server no longer listens for socket errors; a reset must not crash us.
  socket.on('error', () => socket.destroy())
  const text = STATUS_CODES[status] ?? 'Error'
  socket.once('finish', () => socket.destroy())
  socket.end(
    `HTTP/1.1 ${status} ${text}\r\nConnection: close\r\nContent-Type: text/plain\r\nContent-Length: ${Buffer.byteLength(text)}\r\n\r\n${text}`,
  )
}
