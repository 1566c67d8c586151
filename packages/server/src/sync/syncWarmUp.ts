/**
 * Warms the sync path when the server starts, so the first board opened after a restart does not
 * also pay for the process's cold code (V8 compiling and tiering up the WebSocket upgrade, Yjs
 * decoding and encoding, the tldraw schema's validators, the room's write path).
 *
 * It runs one sample board through exactly the code a real board takes — an HTTP upgrade on a
 * loopback socket, `createSyncServer`, loading from SQLite (snapshot + log), preparation and
 * validation, sync step 1/2, client writes fanned out to a second client, awareness, unload with
 * compaction — but against an in-memory database and a sync server of its own: the user's
 * database is never opened by it, and no board row is created there.
 */
import { once } from 'node:events'
import { createServer, type Server } from 'node:http'
import type { AddressInfo } from 'node:net'
import { WebSocket } from 'ws'
import * as Y from 'yjs'
import * as awarenessProtocol from 'y-protocols/awareness'
import { putRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import { SYNC_PATH } from '@storyloom/shared/protocol/syncProtocol'
import { boardSchema } from '@storyloom/shared/schema/boardSchema'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { ServerConfig } from '../config'
import { openDatabase, type Db } from '../db/openDatabase'
import { boards } from '../db/schema'
import { allowEveryone } from './authorize'
import { prepareBoardDoc } from './boardPreparation'
import { createSyncServer } from './createSyncServer'
import type { BoardRecord } from './recordGuard'
import { SyncPersistence } from './roomPersistence'
import { decodeClientMessage, encodeAwarenessMessage, encodeSyncStep1, encodeSyncStep2, encodeUpdateMessage } from './syncMessages'

const BOARD_ID = 'syncwarmupboard0' // BOARD_ID_PATTERN: 16 id characters
const PAGE_ID = 'page:page' // the seeded page (boardPreparation's seedRecords)
/** Enough records, and writes, for V8 to optimize the per-record and per-update code, not just compile it. */
const SAMPLE_RECTANGLES = 300
const SAMPLE_SHOTS = 100
const SAMPLE_WRITES = 60
/** The warm-up gives up after this long (a starved machine): the server works without it. */
const TIMEOUT_MS = 15_000

/** What a warm-up did, for logs and tests. */
export type SyncWarmUpResult = { records: number; writes: number; ms: number }

/** A geo rectangle as the canvas writes it. */
function rectangle(n: number): BoardRecord {
  return boardSchema.types.shape.create({
    id: `shape:warm-rect-${n}` as never,
    type: 'geo',
    x: n * 10,
    y: 0,
    index: 'a1' as never,
    parentId: PAGE_ID as never,
    props: {
      geo: 'rectangle', dash: 'draw', url: '', w: 120, h: 80, growY: 0, scale: 1, flipX: false, flipY: false,
      labelColor: 'black', color: 'black', fill: 'none', size: 'm', font: 'draw', align: 'middle', verticalAlign: 'middle',
      richText: { type: 'doc', content: [{ type: 'paragraph' }] },
    } as never,
  }) as BoardRecord
}

/** The sample board as stored: a prepared doc with shapes, as a snapshot plus one log entry. */
function storeSampleBoard(db: Db): number {
  db.insert(boards).values({ id: BOARD_ID, name: 'sync warm-up' }).run()
  const doc = new Y.Doc()
  prepareBoardDoc(doc, null)
  putRecords(doc, Array.from({ length: SAMPLE_RECTANGLES }, (_, n) => rectangle(n)))
  const persistence = new SyncPersistence(db)
  persistence.compact(BOARD_ID, Y.encodeStateAsUpdate(doc), 1)
  const before = Y.encodeStateVector(doc)
  const shots = Array.from({ length: SAMPLE_SHOTS }, (_, n) =>
    createShotShape({ id: `shape:warm-shot-${n}` as never, parentId: PAGE_ID as never, index: 'a2' as never, x: n * 400, y: 400 }),
  )
  putRecords(doc, shots as BoardRecord[])
  persistence.append(BOARD_ID, 2, Y.encodeStateAsUpdate(doc, before))
  const records = doc.getMap('records').size
  doc.destroy()
  return records
}

/** A minimal y-websocket client: answers the server's step 1, applies what it is sent, announces itself. */
class WarmUpClient {
  readonly doc = new Y.Doc()
  private readonly socket: WebSocket
  readonly synced: Promise<void>
  private onChange: (() => void) | undefined

  constructor(url: string) {
    this.socket = new WebSocket(url, { perMessageDeflate: false })
    this.socket.binaryType = 'nodebuffer'
    let markSynced!: () => void
    this.synced = new Promise<void>((resolve) => (markSynced = resolve))
    this.socket.on('error', () => {}) // the warm-up's await times out instead
    this.socket.on('open', () => {
      this.socket.send(encodeSyncStep1(this.doc))
      const awareness = new awarenessProtocol.Awareness(this.doc)
      awareness.setLocalState({ user: { name: 'warm-up' } })
      this.socket.send(encodeAwarenessMessage(awareness, [this.doc.clientID]))
      awareness.destroy()
    })
    this.socket.on('message', (data: Buffer) => {
      let message
      try {
        message = decodeClientMessage(data)
      } catch {
        return // a notice: not part of the warm-up
      }
      if (message.kind === 'syncStep1') this.socket.send(encodeSyncStep2(this.doc, message.stateVector))
      else if (message.kind === 'syncStep2' || message.kind === 'update') {
        Y.applyUpdate(this.doc, message.update, this)
        if (message.kind === 'syncStep2') markSynced()
        this.onChange?.()
      }
    })
  }

  /** Resolves once `check` holds for this client's doc. */
  until(check: (doc: Y.Doc) => boolean): Promise<void> {
    return new Promise((resolve) => {
      this.onChange = () => {
        if (!check(this.doc)) return
        this.onChange = undefined
        resolve()
      }
      this.onChange()
    })
  }

  /** Writes like the canvas: one transaction, sent as one update message. */
  write(change: (doc: Y.Doc) => void): void {
    const updates: Uint8Array[] = []
    const capture = (update: Uint8Array, origin: unknown) => origin !== this && updates.push(update)
    this.doc.on('update', capture)
    this.doc.transact(() => change(this.doc))
    this.doc.off('update', capture)
    for (const update of updates) this.socket.send(encodeUpdateMessage(update))
  }

  async close(): Promise<void> {
    if (this.socket.readyState === WebSocket.CLOSED) return
    // Not events.once: closing a socket still connecting also emits 'error', which once() rejects on.
    const closed = new Promise((resolve) => this.socket.once('close', resolve))
    this.socket.close()
    await closed
  }
}

/** Rejects once `signal` aborts. */
function aborted(signal: AbortSignal): Promise<never> {
  return new Promise((_, reject) => {
    const fail = () => {
      const timedOut = (signal.reason as Error | undefined)?.name === 'TimeoutError'
      reject(new Error(timedOut ? `sync warm-up took over ${TIMEOUT_MS} ms` : 'sync warm-up stopped', { cause: signal.reason }))
    }
    if (signal.aborted) fail()
    else signal.addEventListener('abort', fail, { once: true })
  })
}

/**
 * Runs the sample board through the sync path (see the module comment). Resolves with what it
 * did; rejects if a step failed, `stop` aborted (the server is closing) or it took over
 * {@link TIMEOUT_MS}: nothing the server needs depends on it. Everything it opened is closed
 * before it settles.
 */
export async function warmUpSync(config: Pick<ServerConfig, 'allowedOrigins'>, stop?: AbortSignal): Promise<SyncWarmUpResult> {
  const start = performance.now()
  const ended = AbortSignal.any([AbortSignal.timeout(TIMEOUT_MS), ...(stop ? [stop] : [])])
  const db = openDatabase(':memory:')
  const sync = createSyncServer({ db, config: config as ServerConfig, authorize: allowEveryone, tuning: { unloadAfterMs: 0 } })
  const http: Server = createServer((_, res) => res.writeHead(404).end())
  http.on('upgrade', (req, socket, head) => sync.handleUpgrade(req, socket, head))
  const clients: WarmUpClient[] = []
  try {
    if (ended.aborted) await aborted(ended)
    const records = storeSampleBoard(db)
    http.listen(0, '127.0.0.1')
    await once(http, 'listening')
    const url = `ws://127.0.0.1:${(http.address() as AddressInfo).port}${SYNC_PATH}/${BOARD_ID}`
    const run = async () => {
      const [writer, reader] = [new WarmUpClient(url), new WarmUpClient(url)]
      clients.push(writer, reader)
      await Promise.all([writer.synced, reader.synced])
      // Pointer-rate edits of one shape, like a drag: each is validated, persisted and fanned out.
      for (let i = 1; i <= SAMPLE_WRITES; i++) {
        writer.write((doc) => putRecords(doc, [{ ...readRecord(doc, 'shape:warm-rect-0')!, x: i } as BoardRecord]))
      }
      await reader.until((doc) => (readRecord(doc, 'shape:warm-rect-0') as { x?: number } | undefined)?.x === SAMPLE_WRITES)
    }
    await Promise.race([run(), aborted(ended)])
    return { records, writes: SAMPLE_WRITES, ms: performance.now() - start }
  } finally {
    await Promise.all(clients.map((client) => client.close()))
    await sync.close()
    if (http.listening) await new Promise((resolve) => http.close(resolve))
    db.$client.close()
  }
}
