import WebSocket from 'ws'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as decoding from 'lib0/decoding'
import * as syncProtocol from 'y-protocols/sync'

/**
 * A minimal y-websocket-protocol client for benchmarks: sync only, no awareness, no
 * reconnects. Lighter than WebsocketProvider, so with many clients in one process the
 * benchmark measures the server rather than the clients; identical for every server compared.
 */
export type ProtocolClient = {
  doc: Y.Doc
  socket: WebSocket
  synced: Promise<void>
  bytesSent: number
  close(): void
}

export function connectClient(url: string, doc = new Y.Doc()): ProtocolClient {
  const socket = new WebSocket(url)
  socket.binaryType = 'arraybuffer'
  let markSynced!: () => void
  const synced = new Promise<void>((resolve) => (markSynced = resolve))
  const client: ProtocolClient = { doc, socket, synced, bytesSent: 0, close: () => socket.close() }

  const send = (data: Uint8Array) => {
    if (socket.readyState !== WebSocket.OPEN) return
    client.bytesSent += data.length
    socket.send(data)
  }
  doc.on('update', (update: Uint8Array, origin: unknown) => {
    if (origin === client) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeUpdate(encoder, update)
    send(encoding.toUint8Array(encoder))
  })
  socket.on('open', () => {
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    syncProtocol.writeSyncStep1(encoder, doc)
    send(encoding.toUint8Array(encoder))
  })
  socket.on('message', (data: ArrayBuffer) => {
    const decoder = decoding.createDecoder(new Uint8Array(data))
    const type = decoding.readVarUint(decoder)
    if (type !== 0) return
    const encoder = encoding.createEncoder()
    encoding.writeVarUint(encoder, 0)
    const syncType = syncProtocol.readSyncMessage(decoder, encoder, doc, client)
    if (syncType === syncProtocol.messageYjsSyncStep2) markSynced()
    if (encoding.length(encoder) > 1) send(encoding.toUint8Array(encoder))
  })
  return client
}
