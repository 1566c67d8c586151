import { putRecords, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { connectClient, type ProtocolClient } from './support/protocolClient'
import { rectangle } from './support/records'
import { startReferenceServer, startStoryloomServer, removeDataDir, type BenchServer } from './support/servers'
import { fmt, processRssBytes } from './support/stats'
import { waitFor } from '../support/waitFor'

const SHAPES = 2_000
const BOARDS_FOR_MEMORY = 10

/** Writes `SHAPES` rectangles into a board and waits until the server has them all. */
async function fillBoard(url: string): Promise<void> {
  const writer = connectClient(url)
  const checker = connectClient(url)
  await Promise.all([writer.synced, checker.synced])
  for (let start = 0; start < SHAPES; start += 100) {
    const batch = Array.from({ length: 100 }, (_, i) => rectangle(`r${start + i}`, (start + i) * 10, 0))
    writer.doc.transact(() => putRecords(writer.doc, batch))
  }
  await waitFor(() => recordsMap(checker.doc).size >= SHAPES, { timeoutMs: 30_000, what: 'the board to fill' })
  writer.close()
  checker.close()
}

/** Time from opening a socket to the client's doc holding the whole board. */
async function timeToSynced(url: string): Promise<{ ms: number; client: ProtocolClient }> {
  const start = performance.now()
  const client = connectClient(url)
  await client.synced
  const ms = performance.now() - start
  if (recordsMap(client.doc).size < SHAPES) throw new Error('synced without the whole board')
  return { ms, client }
}

async function memoryPerBoard(server: BenchServer, urls: string[]): Promise<number> {
  global.gc?.()
  await new Promise((r) => setTimeout(r, 500))
  const before = processRssBytes(server.pid)
  const clients: ProtocolClient[] = []
  for (const url of urls) clients.push((await timeToSynced(url)).client)
  await new Promise((r) => setTimeout(r, 500))
  const after = processRssBytes(server.pid)
  clients.forEach((c) => c.close())
  return (after - before) / urls.length
}

/**
 * Cold load of a 2,000-shape board: a new client's time until synced when the board is not
 * in memory (Storyloom loads it from SQLite, migrates and validates), and server memory per
 * open board; against @y/websocket-server serving the same boards from memory.
 */
export async function benchColdLoad(): Promise<void> {
  console.log(`\n## Cold load of a board with ${SHAPES} shapes\n`)
  let ours = await startStoryloomServer()
  const reference = await startReferenceServer()
  try {
    const ourUrls: string[] = []
    const refUrls: string[] = []
    for (let i = 0; i < BOARDS_FOR_MEMORY; i++) {
      ourUrls.push(await ours.newRoom(`cold-${i}`))
      refUrls.push(await reference.newRoom(`cold-${i}`))
    }
    for (const url of [...ourUrls, ...refUrls]) await fillBoard(url)

    // Restart so no board is in memory: the next client pays the full load from disk.
    await ours.stop()
    ours = await startStoryloomServer(ours.dataDir)
    const fresh = (url: string) => url.replace(/^ws:\/\/[^/]+/, ours.url.replace(/^http/, 'ws'))
    const coldUrls = ourUrls.map(fresh)

    // The first board after a restart also pays for the process's cold code (first upgrade,
    // first validation, V8 compiling on first use): reported on its own, and taken on a board
    // the other figures do not use, so the cold-board figure is the board's own load.
    const firstAfterRestart = await timeToSynced(coldUrls.at(-1)!)
    firstAfterRestart.client.close()
    const cold = await timeToSynced(coldUrls[0]!)
    cold.client.close()
    const warm = await timeToSynced(coldUrls[0]!)
    warm.client.close()
    const refWarm = await timeToSynced(refUrls[0]!)
    refWarm.client.close()

    const ourMemory = await memoryPerBoard(ours, coldUrls.slice(1, -1))
    const refMemory = await memoryPerBoard(reference, refUrls.slice(1, -1))

    console.log('| measure | Storyloom | @y/websocket-server 0.1.1 | ratio |')
    console.log('|---|---|---|---|')
    console.log(`| new client synced, board not in memory (ms) | ${fmt(cold.ms, 1)} (target < 300) | ${fmt(refWarm.ms, 1)} (always in memory) | ${fmt(cold.ms / refWarm.ms)}× |`)
    console.log(`| new client synced, first board after a server restart (ms) | ${fmt(firstAfterRestart.ms, 1)} | ${fmt(refWarm.ms, 1)} (always in memory) | ${fmt(firstAfterRestart.ms / refWarm.ms)}× |`)
    console.log(`| new client synced, board open (ms) | ${fmt(warm.ms, 1)} | ${fmt(refWarm.ms, 1)} | ${fmt(warm.ms / refWarm.ms)}× |`)
    console.log(`| server memory per open board (MB) | ${fmt(ourMemory / 1e6)} | ${fmt(refMemory / 1e6)} | ${fmt(ourMemory / refMemory)}× |`)
  } finally {
    await ours.stop()
    await reference.stop()
    removeDataDir(ours.dataDir)
  }
}
