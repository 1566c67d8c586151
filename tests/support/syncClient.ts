import { randomBytes } from 'node:crypto'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import * as decoding from 'lib0/decoding'
import WebSocket from 'ws'
import { WebsocketProvider } from 'y-websocket'
import * as Y from 'yjs'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { MessageType, NoticeCode, SYNC_PATH, type SyncNotice } from '@storyloom/shared/protocol/syncProtocol'
import type { ServerConfig } from '@storyloom/server/config'
import type { Db } from '@storyloom/server/db/openDatabase'
import { boards } from '@storyloom/server/db/schema'
import { createSyncServer, type SyncServer, type SyncTuning } from '@storyloom/server/sync/createSyncServer'
import type { Authorize } from '@storyloom/server/sync/authorize'
import { waitFor } from './waitFor'

/** A fresh id in the server's board id format (16 base64url characters). */
export function newBoardId(): string {
  return randomBytes(12).toString('base64url')
}

/** The sync endpoint (`ws://host:port/sync`) of the server at `baseUrl` (`http://host:port`). */
export function syncUrlOf(baseUrl: string): string {
  return baseUrl.replace(/^http/, 'ws') + SYNC_PATH
}

/** Creates a board row directly in the database and returns its id. */
export function createBoard(db: Db, name = 'Test board'): string {
  const id = newBoardId()
  db.insert(boards).values({ id, name }).run()
  return id
}


export { waitFor }

/** Writes `records` from `client` in one transaction, as the canvas does for one store batch. */
export function writeRecords(client: SyncClient, ...records: object[]): void {
  client.doc.transact(() => putRecords(client.doc, records as never))
}

/** Ids of the records the server reverted and told this client about. */
export function revertedRecordIds(client: SyncClient): string[] {
  return client.notices.flatMap((n) => (n.code === NoticeCode.recordReverted ? n.records.map((r) => r.id) : []))
}

export type CloseInfo = { code: number; reason: string }

/** A stock y-websocket client on one board, recording Storyloom notices and close events. */
export type SyncClient = {
  doc: Y.Doc
  provider: WebsocketProvider
  notices: SyncNotice[]
  closes: CloseInfo[]
  /** Resolves after the first sync with the server. */
  synced(): Promise<void>
  destroy(): void
}

/** `ws` sending `headers` (a session cookie) on every connect, as a browser sends its cookies. */
function webSocketWithHeaders(headers: Record<string, string>): typeof WebSocket {
  return class extends WebSocket {
    constructor(url: string, protocols?: string | string[]) {
      super(url, protocols, { headers })
    }
  } as typeof WebSocket
}

/** How a test client connects: query parameters (a review token), its own doc, request headers (a session cookie). */
export type ConnectOptions = { params?: Record<string, string>; doc?: Y.Doc; headers?: Record<string, string> }

/** Connects a real `WebsocketProvider` (the browser client) using `ws` as its WebSocket. */
export function connectClient(syncUrl: string, boardId: string, { params, doc = new Y.Doc(), headers }: ConnectOptions = {}): SyncClient {
  const provider = new WebsocketProvider(syncUrl, boardId, doc, {
    WebSocketPolyfill: (headers ? webSocketWithHeaders(headers) : WebSocket) as unknown as typeof globalThis.WebSocket,
    // Providers in one process would otherwise sync through BroadcastChannel, bypassing the server.
    disableBc: true,
    ...(params ? { params } : {}),
  })
  const notices: SyncNotice[] = []
  const closes: CloseInfo[] = []
  provider.messageHandlers[MessageType.notice] = (_encoder, decoder) => {
    notices.push(JSON.parse(decoding.readVarString(decoder)) as SyncNotice)
  }
  provider.on('connection-close', (event) => {
    if (event) closes.push({ code: event.code, reason: event.reason })
  })
  return {
    doc,
    provider,
    notices,
    closes,
    synced: () => waitFor(() => provider.synced, { what: 'provider synced' }).then(() => undefined),
    destroy: () => {
      provider.destroy()
      doc.destroy()
    },
  }
}

/** A raw WebSocket on the sync endpoint, for sending what a stock client never would. */
export type RawSocket = {
  ws: WebSocket
  /** Every binary message received. */
  messages: Uint8Array[]
  opened: Promise<void>
  closed: Promise<CloseInfo>
  /** Resolves with the HTTP status if the upgrade is refused. */
  refused: Promise<number>
}

export function openRawSocket(url: string, headers: Record<string, string> = {}): RawSocket {
  const ws = new WebSocket(url, { headers })
  const messages: Uint8Array[] = []
  ws.on('message', (data) => messages.push(new Uint8Array(data as Buffer)))
  ws.on('error', () => {})
  return {
    ws,
    messages,
    opened: new Promise((resolve) => ws.once('open', () => resolve())),
    closed: new Promise((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() }))),
    refused: new Promise((resolve) => ws.once('unexpected-response', (_req, res) => resolve(res.statusCode ?? 0))),
  }
}

/**
 * A sync endpoint of its own (on port 0, sharing a test server's database) for what
 * `startTestServer` does not configure: an authorize hook, short unload/compaction settings.
 */
export async function startSyncEndpoint(opts: {
  db: Db
  config: ServerConfig
  authorize?: Authorize
  tuning?: SyncTuning
}): Promise<{ syncUrl: string; sync: SyncServer; close(): Promise<void> }> {
  const sync = createSyncServer(opts)
  const http = createServer((_req, res) => res.writeHead(404).end())
  http.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head))
  await new Promise<void>((resolve) => http.listen(0, '127.0.0.1', resolve))
  const { port } = http.address() as AddressInfo
  return {
    syncUrl: `ws://127.0.0.1:${port}/sync`,
    sync,
    async close() {
      await sync.close()
      await new Promise<void>((resolve) => http.close(() => resolve()))
    },
  }
}
