import * as Y from 'yjs'
import { putRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import { connectClient } from './support/protocolClient'
import { strokeAfter } from './support/drawStroke'
import { startStoryloomServer, removeDataDir } from './support/servers'
import { fmt } from './support/stats'
import { waitFor } from '../support/waitFor'

const POINTS = 600
// y-websocket frames an update as [messageSync, messageYjsUpdate, varuint length, update].
const FRAME_OVERHEAD = 4

/**
 * Bytes a client sends for one 600-point freehand stroke, written one pointer move at a time
 * through Storyloom's doc layout to a real Storyloom server, against writing the whole record
 * into a Y.Map on every move (the naive binding) measured in the same run.
 */
export async function benchStrokeBytes(): Promise<void> {
  console.log('\n## Bytes sent for a 600-point freehand stroke\n')
  const server = await startStoryloomServer()
  try {
    const url = await server.newRoom('stroke')
    const writer = connectClient(url)
    const reader = connectClient(url)
    await Promise.all([writer.synced, reader.synced])
    const before = writer.bytesSent
    for (let i = 1; i <= POINTS; i++) {
      writer.doc.transact(() => putRecords(writer.doc, [strokeAfter(i)]))
    }
    const final = strokeAfter(POINTS)
    await waitFor(() => JSON.stringify(readRecord(reader.doc, final.id)) === JSON.stringify(final), {
      timeoutMs: 20_000,
      what: 'the stroke to reach another client',
    })
    const ours = writer.bytesSent - before
    writer.close()
    reader.close()

    const naive = new Y.Doc()
    let naiveBytes = 0
    naive.on('update', (u: Uint8Array) => (naiveBytes += u.length + FRAME_OVERHEAD))
    for (let i = 1; i <= POINTS; i++) naive.getMap('records').set(final.id, strokeAfter(i))

    console.log('| binding | bytes sent | per pointer move |')
    console.log('|---|---|---|')
    console.log(`| whole record per change (baseline) | ${naiveBytes} | ${fmt(naiveBytes / POINTS, 0)} |`)
    console.log(`| Storyloom (paths as Y.Text) | ${ours} | ${fmt(ours / POINTS, 0)} |`)
    console.log(`| **reduction** | **${fmt(naiveBytes / ours, 1)}×** (target ≥ 20×) | |`)
  } finally {
    await server.stop()
    removeDataDir(server.dataDir)
  }
}
