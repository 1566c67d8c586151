import { putRecords, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { connectClient, type ProtocolClient } from './support/protocolClient'
import { rectangle } from './support/records'
import { startReferenceServer, startStoryloomServer, removeDataDir, type BenchServer } from './support/servers'
import { fmt, median } from './support/stats'
import { waitFor } from '../support/waitFor'

const SHAPES = 2_000
const BOARDS_FOR_MEMORY = 10
/** Restarts per sync warm-up setting (`BENCH_COLDLOAD_RESTARTS`), alternating off/on. */
const RESTART_ROUNDS = Number(process.env.BENCH_COLDLOAD_RESTARTS ?? 3)

type WarmUp = 'on' | 'off'

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

/**
 * A server's live memory (after a full collection) per open board: `open` opens the boards,
 * each with one client connected, and returns those clients.
 */
async function memoryPerBoard(server: BenchServer, open: () => Promise<ProtocolClient[]>): Promise<number> {
  const before = await server.liveMemory()
  const clients = await open()
  const after = await server.liveMemory()
  clients.forEach((c) => c.close())
  return (after - before) / clients.length
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
    // Storyloom: two boards to time and BOARDS_FOR_MEMORY to open together; the reference, which
    // never unloads a board, gets its memory boards filled while they are measured.
    const ourUrls: string[] = []
    for (let i = 0; i < BOARDS_FOR_MEMORY + 2; i++) ourUrls.push(await ours.newRoom(`cold-${i}`))
    const refUrl = await reference.newRoom('cold')
    for (const url of [...ourUrls, refUrl]) await fillBoard(url)

    // The first board after a restart also pays for the process's cold code (first upgrade,
    // first validation, V8 compiling on first use) unless the server's sync warm-up ran: timed
    // after restarts with the warm-up off and on, alternating, on a board the other figures do
    // not use, so the cold-board figure below is the board's own load.
    const firstAfterRestart: Record<WarmUp, number[]> = { off: [], on: [] }
    const restart = async (warmUp: WarmUp) => {
      await ours.stop()
      ours = await startStoryloomServer(ours.dataDir, { STORYLOOM_SYNC_WARMUP: warmUp })
    }
    const fresh = (url: string) => url.replace(/^ws:\/\/[^/]+/, ours.url.replace(/^http/, 'ws'))
    for (let round = 0; round < RESTART_ROUNDS; round++) {
      for (const warmUp of round % 2 === 0 ? (['off', 'on'] as const) : (['on', 'off'] as const)) {
        await restart(warmUp)
        const first = await timeToSynced(fresh(ourUrls.at(-1)!))
        first.client.close()
        firstAfterRestart[warmUp].push(first.ms)
      }
    }
    // The figures below: a server as `pnpm start` runs it (warm-up on), its first board already loaded.
    await restart('on')
    const coldUrls = ourUrls.map(fresh)
    await timeToSynced(coldUrls.at(-1)!).then(({ client }) => client.close())
    const cold = await timeToSynced(coldUrls[0]!)
    cold.client.close()
    const warm = await timeToSynced(coldUrls[0]!)
    warm.client.close()
    const refWarm = await timeToSynced(refUrl)
    refWarm.client.close()

    // Boards in memory, each with a client: Storyloom's loaded from SQLite (not opened since the
    // restart), the reference's written by a client first (it keeps every board it has seen).
    const connectAll = (urls: string[]) => Promise.all(urls.map(async (url) => (await timeToSynced(url)).client))
    const ourMemory = await memoryPerBoard(ours, () => connectAll(coldUrls.slice(1, -1)))
    const refMemory = await memoryPerBoard(reference, async () => {
      const urls = await Promise.all(Array.from({ length: BOARDS_FOR_MEMORY }, (_, i) => reference.newRoom(`memory-${i}`)))
      for (const url of urls) await fillBoard(url)
      return connectAll(urls)
    })

    console.log('| measure | Storyloom | @y/websocket-server 0.1.1 | ratio |')
    console.log('|---|---|---|---|')
    console.log(`| new client synced, board not in memory (ms) | ${fmt(cold.ms, 1)} (target < 300) | ${fmt(refWarm.ms, 1)} (always in memory) | ${fmt(cold.ms / refWarm.ms)}× |`)
    for (const warmUp of ['on', 'off'] as const) {
      const ms = median(firstAfterRestart[warmUp])
      const label = `new client synced, first board after a server restart, sync warm-up ${warmUp} (ms, median of ${RESTART_ROUNDS})`
      console.log(`| ${label} | ${fmt(ms, 1)} | ${fmt(refWarm.ms, 1)} (always in memory) | ${fmt(ms / refWarm.ms)}× |`)
    }
    console.log(`| new client synced, board open (ms) | ${fmt(warm.ms, 1)} | ${fmt(refWarm.ms, 1)} | ${fmt(warm.ms / refWarm.ms)}× |`)
    console.log(`| server memory per open board, live after a full GC (MB, ${BOARDS_FOR_MEMORY} boards) | ${fmt(ourMemory / 1e6)} | ${fmt(refMemory / 1e6)} | ${fmt(ourMemory / refMemory)}× |`)
  } finally {
    await ours.stop()
    await reference.stop()
    removeDataDir(ours.dataDir)
  }
}
