import { mkdtempSync, readFileSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { PerformanceObserver, constants as perfConstants } from 'node:perf_hooks'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import type { WebSocket as WsSocket } from 'ws'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { MessageType } from '@storyloom/shared/protocol/syncProtocol'
import { nullWebSocket } from './nullWebSocket'
import { rectangle } from './records'
import { median, percentile } from './stats'

/**
 * Child process of ../roomHotPath.ts (run with the server's V8 flags): drives one room of one
 * server in-process — Storyloom's (`storyloom`) or the bare @y/websocket-server's (`reference`)
 * — with real ws WebSockets over streams whose writes go nowhere, and prints, as JSON, the
 * server's time per client update for each reader count given on the command line.
 *
 * Both sides get the same update messages (a fixed client id and fixed contents), arriving one
 * per event-loop turn as at 60 Hz, and answer with their own code: ws frames the reference's
 * sends per socket, Storyloom writes one shared frame per reader.
 */
const UPDATES = Number(process.env.BENCH_ROOM_UPDATES ?? 3_000)
const WRITER_CLIENT_ID = 4_242

export type Side = 'storyloom' | 'reference'
export type Times = { p50: number; p99: number; mean: number }
/** Times in µs per update; GC as scavenges and major GCs per 1,000 updates and pause µs per update. */
export type SideResult = { cpu: Times; wall: Times; scavenges: number; majorGcs: number; gcUs: number; mainThreadCpuUs: number }

/** CPU time of this (the event loop's) thread in ns, from the scheduler: excludes worker threads. */
const mainThreadCpuNs = (): number => Number(readFileSync('/proc/thread-self/schedstat', 'utf8').split(' ')[0])

const summary = (values: number[]): Times => ({ p50: median(values), p99: percentile(values, 99), mean: values.reduce((a, b) => a + b, 0) / values.length })

function updateMessage(update: Uint8Array): Buffer {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return Buffer.from(encoding.toUint8Array(encoder))
}

/** The writer's updates, made up front (identical bytes for both sides) so only the server is timed. */
function writerMessages(): Buffer[] {
  const writer = new Y.Doc()
  writer.clientID = WRITER_CLIENT_ID
  const messages: Buffer[] = []
  writer.on('update', (update: Uint8Array) => messages.push(updateMessage(update)))
  for (let n = 0; n < UPDATES; n++) writer.transact(() => putRecords(writer, [rectangle('w0', n % 1000, 0, { sentAt: n, n })]))
  return messages
}

/** A room under test: the writer's socket (to emit its messages on) and how to tear it down. */
type RoomUnderTest = { deliver(message: Buffer): void; close(): Promise<void> }

async function storyloomRoom(readers: number): Promise<RoomUnderTest> {
  const { openDatabase } = await import('@storyloom/server/db/openDatabase')
  const { Connection } = await import('@storyloom/server/sync/connection')
  const { Room } = await import('@storyloom/server/sync/room')
  const { NEWER_SCHEMA } = await import('@storyloom/server/sync/boardLoading')
  const { SyncPersistence } = await import('@storyloom/server/sync/roomPersistence')
  const { DEFAULT_COMPACT_AFTER_UPDATES } = await import('@storyloom/server/sync/createSyncServer')
  const { createBoard } = await import('../../support/syncClient')
  const { removeDataDir } = await import('./servers')
  const dataDir = mkdtempSync(join(tmpdir(), 'storyloom-room-bench-'))
  const db = openDatabase(join(dataDir, 'storyloom.sqlite'))
  const persistence = new SyncPersistence(db)
  const boardId = createBoard(db)
  // Compacting as the server does (BoardLog's policy, with the server's default entry cap).
  const room = Room.open({ boardId, persistence, compactAfterUpdates: DEFAULT_COMPACT_AFTER_UPDATES, unloadAfterMs: 60_000, onClosed: () => {} })
  if (room === NEWER_SCHEMA) throw new Error('unexpected schema')
  const sockets = Array.from({ length: readers + 1 }, () => nullWebSocket())
  for (const socket of sockets) room.join(new Connection(socket, boardId, { readOnly: false }))
  const writer = sockets[0]!
  return {
    deliver: (message) => writer.emit('message', message, true),
    async close() {
      room.shutdown(1001)
      await persistence.dispose()
      db.$client.close()
      removeDataDir(dataDir)
    },
  }
}

let referenceRooms = 0

async function referenceRoom(readers: number): Promise<RoomUnderTest> {
  const { setupWSConnection } = await import('@y/websocket-server/utils')
  const sockets: WsSocket[] = Array.from({ length: readers + 1 }, () => nullWebSocket())
  const docName = `room-${referenceRooms++}`
  for (const socket of sockets) setupWSConnection(socket, { url: `/${docName}` } as never)
  const writer = sockets[0]!
  return {
    // It reads ArrayBuffers (binaryType 'arraybuffer'), which ws would hand it.
    deliver: (message) => writer.emit('message', message.buffer.slice(message.byteOffset, message.byteOffset + message.byteLength), true),
    async close() {
      for (const socket of sockets) socket.emit('close')
    },
  }
}

async function measure(side: Side, readers: number, messages: Buffer[]): Promise<SideResult> {
  const room = side === 'storyloom' ? await storyloomRoom(readers) : await referenceRoom(readers)
  const skip = Math.floor(messages.length / 5) // the first fifth warms up the JIT
  const wall: number[] = []
  const cpu: number[] = []
  let scavenges = 0
  let majorGcs = 0
  let gcMs = 0
  let measuring = false
  let mainThreadStart = 0
  const gcs = new PerformanceObserver((list) => {
    if (!measuring) return
    for (const entry of list.getEntries()) {
      const kind = (entry as PerformanceEntry & { detail?: { kind?: number } }).detail?.kind
      if (kind === perfConstants.NODE_PERFORMANCE_GC_MINOR) scavenges++
      else if (kind === perfConstants.NODE_PERFORMANCE_GC_MAJOR) majorGcs++
      gcMs += entry.duration
    }
  })
  gcs.observe({ entryTypes: ['gc'] })
  for (const [i, message] of messages.entries()) {
    // One update per event-loop turn, as at 60 Hz: each is persisted and broadcast at once.
    await new Promise((r) => setImmediate(r))
    measuring = i >= skip
    if (i === skip) mainThreadStart = mainThreadCpuNs()
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    room.deliver(message)
    wall.push((performance.now() - start) * 1000)
    const used = process.cpuUsage(cpuStart)
    cpu.push(used.user + used.system)
  }
  await new Promise((r) => setImmediate(r))
  const mainThreadNs = mainThreadCpuNs() - mainThreadStart
  gcs.disconnect()
  await room.close()
  const measured = messages.length - skip
  return { cpu: summary(cpu.slice(skip)), wall: summary(wall.slice(skip)), scavenges: (scavenges / measured) * 1000, majorGcs: (majorGcs / measured) * 1000, gcUs: (gcMs * 1000) / measured, mainThreadCpuUs: mainThreadNs / 1000 / measured }
}

const [side, ...readerCounts] = process.argv.slice(2)
if (side !== 'storyloom' && side !== 'reference') throw new Error(`unknown side ${side}`)
const messages = writerMessages()
const results: Record<string, SideResult> = {}
for (const readers of readerCounts.map(Number)) results[readers] = await measure(side, readers, messages)
console.log(JSON.stringify(results))
// The reference's keepalive timers and ws close timers would keep this process alive.
process.exit(0)
