import { EventEmitter } from 'node:events'
import { mkdtempSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import * as Y from 'yjs'
import * as encoding from 'lib0/encoding'
import * as syncProtocol from 'y-protocols/sync'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { MessageType } from '@storyloom/shared/protocol/syncProtocol'
import { openDatabase } from '@storyloom/server/db/openDatabase'
import { Connection } from '@storyloom/server/sync/connection'
import { NEWER_SCHEMA, Room } from '@storyloom/server/sync/room'
import { SyncPersistence } from '@storyloom/server/sync/roomPersistence'
import { createBoard } from '../../support/syncClient'
import { rectangle } from './records'
import { median, percentile } from './stats'
import { removeDataDir } from './servers'

/**
 * Child process of ../roomHotPath.ts (run with the server's V8 flags): drives one Storyloom room
 * in-process with sockets whose writes go nowhere and prints, as JSON, the server's time per
 * client update for each reader count given on the command line.
 */
const UPDATES = Number(process.env.BENCH_ROOM_UPDATES ?? 3_000)

/** A stand-in for a ws socket: open, never backed up, writes dropped. */
function nullSocket() {
  const socket = Object.assign(new EventEmitter(), {
    readyState: 1,
    OPEN: 1,
    CLOSED: 3,
    bufferedAmount: 0,
    send() {},
    close() {},
    terminate() {},
    ping() {},
    _socket: { write: () => true },
  })
  return socket
}

function updateMessage(update: Uint8Array): Buffer {
  const encoder = encoding.createEncoder()
  encoding.writeVarUint(encoder, MessageType.sync)
  syncProtocol.writeUpdate(encoder, update)
  return Buffer.from(encoding.toUint8Array(encoder))
}

export type Times = { p50: number; p99: number; mean: number }
const summary = (values: number[]): Times => ({ p50: median(values), p99: percentile(values, 99), mean: values.reduce((a, b) => a + b, 0) / values.length })

async function measure(readers: number): Promise<{ cpu: Times; wall: Times }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'storyloom-room-bench-'))
  const db = openDatabase(join(dataDir, 'storyloom.sqlite'))
  const persistence = new SyncPersistence(db)
  const boardId = createBoard(db)
  const room = Room.open({ boardId, persistence, compactAfterUpdates: 500, unloadAfterMs: 60_000, onClosed: () => {} })
  if (room === NEWER_SCHEMA) throw new Error('unexpected schema')
  const writerSocket = nullSocket()
  const conns = [writerSocket, ...Array.from({ length: readers }, nullSocket)].map(
    (socket) => new Connection(socket as never, boardId, { readOnly: false }),
  )
  for (const conn of conns) room.join(conn)

  // The writer's updates, made up front so only the server's side is timed.
  const writer = new Y.Doc()
  Y.applyUpdate(writer, room.encodeState())
  const messages: Buffer[] = []
  writer.on('update', (update: Uint8Array) => messages.push(updateMessage(update)))
  for (let n = 0; n < UPDATES; n++) {
    writer.transact(() => putRecords(writer, [rectangle('w0', n % 1000, 0, { sentAt: n, n })]))
  }

  const wall: number[] = []
  const cpu: number[] = []
  for (const message of messages) {
    // One update per event-loop turn, as at 60 Hz: each is persisted and broadcast at once.
    await new Promise((r) => setImmediate(r))
    const cpuStart = process.cpuUsage()
    const start = performance.now()
    writerSocket.emit('message', message, true)
    wall.push((performance.now() - start) * 1000)
    const used = process.cpuUsage(cpuStart)
    cpu.push(used.user + used.system)
  }
  room.shutdown(1001)
  await persistence.dispose()
  db.$client.close()
  removeDataDir(dataDir)
  const skip = Math.floor(UPDATES / 5) // the first fifth warms up the JIT
  return { cpu: summary(cpu.slice(skip)), wall: summary(wall.slice(skip)) }
}

const results: Record<string, { cpu: Times; wall: Times }> = {}
for (const readers of process.argv.slice(2).map(Number)) results[readers] = await measure(readers)
console.log(JSON.stringify(results))
