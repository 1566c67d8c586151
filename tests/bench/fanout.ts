import * as Y from 'yjs'
import { putRecords, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { connectClient, type ProtocolClient } from './support/protocolClient'
import { rectangle } from './support/records'
import { startReferenceServer, startStoryloomServer, removeDataDir, type BenchServer } from './support/servers'
import { fmt, percentile, processCpuSeconds } from './support/stats'

/**
 * Fan-out on one board: latency from a writer's update to every other client, p50/p99, and the
 * server's CPU, for Storyloom (validating every record, persisting every update to SQLite before
 * broadcasting) side by side with the bare @y/websocket-server reference, in one run.
 */
type Scenario = { name: string; writers: number; readers: number; hz: number }

export const fanoutScenarios: Scenario[] = [
  { name: '1 writer @60 Hz → 50 readers', writers: 1, readers: 50, hz: 60 },
  { name: '20 writers @20 Hz each (all read)', writers: 20, readers: 0, hz: 20 },
]

type Run = { latencies: number[]; cpuSeconds: number; wallSeconds: number }
type Result = { p50: number; p99: number; samples: number; cpuPercent: number }

const WARMUP_MS = 1_500
const MEASURE_MS = Number(process.env.BENCH_FANOUT_MS ?? 6_000)
const ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 4)

async function runScenario(server: BenchServer, scenario: Scenario): Promise<Run> {
  const url = await server.newRoom('fanout')
  const clients: ProtocolClient[] = []
  for (let i = 0; i < scenario.writers + scenario.readers; i++) clients.push(connectClient(url))
  await Promise.all(clients.map((c) => c.synced))
  // Every client knows the seeded page before writes start (Storyloom seeds; the reference doesn't care).
  const writers = clients.slice(0, scenario.writers)

  const latencies: number[] = []
  let measuring = false
  for (const client of clients) {
    const records = recordsMap(client.doc)
    client.doc.on('afterTransaction', (tr: Y.Transaction) => {
      if (!measuring || tr.local) return
      const keys = tr.changed.get(records as never)
      if (!keys) return
      const now = performance.now()
      for (const key of keys) {
        const sentAt = (records.get(key!) as { meta?: { sentAt?: number } } | undefined)?.meta?.sentAt
        if (typeof sentAt === 'number') latencies.push(now - sentAt)
      }
    })
  }

  let n = 0
  const timers = writers.map((writer, w) =>
    setInterval(() => {
      const record = rectangle(`w${w}`, n % 1000, w * 100, { sentAt: performance.now(), n: n++ })
      writer.doc.transact(() => putRecords(writer.doc, [record]))
    }, 1000 / scenario.hz),
  )
  await new Promise((r) => setTimeout(r, WARMUP_MS))
  measuring = true
  const cpuBefore = processCpuSeconds(server.pid)
  const start = performance.now()
  await new Promise((r) => setTimeout(r, MEASURE_MS))
  const cpu = processCpuSeconds(server.pid) - cpuBefore
  const wall = (performance.now() - start) / 1000
  measuring = false
  timers.forEach(clearInterval)
  clients.forEach((c) => c.close())
  return { latencies, cpuSeconds: cpu, wallSeconds: wall }
}

function summarize(runs: Run[]): Result {
  const latencies = runs.flatMap((r) => r.latencies)
  const cpu = runs.reduce((sum, r) => sum + r.cpuSeconds, 0)
  const wall = runs.reduce((sum, r) => sum + r.wallSeconds, 0)
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99), samples: latencies.length, cpuPercent: (cpu / wall) * 100 }
}

/**
 * Runs a scenario on both servers in alternating order (A B B A …) and pools each server's
 * samples, so neither server always runs first on a machine whose load drifts.
 */
async function compare(a: BenchServer, b: BenchServer, scenario: Scenario): Promise<[Result, Result]> {
  const runsA: Run[] = []
  const runsB: Run[] = []
  for (let round = 0; round < ROUNDS; round++) {
    if (round % 2 === 0) {
      runsA.push(await runScenario(a, scenario))
      runsB.push(await runScenario(b, scenario))
    } else {
      runsB.push(await runScenario(b, scenario))
      runsA.push(await runScenario(a, scenario))
    }
  }
  return [summarize(runsA), summarize(runsB)]
}

/** Runs every scenario on both servers and prints the table with ratios. */
export async function benchFanout(): Promise<void> {
  console.log('\n## Fan-out on one board (latency writer → other clients)\n')
  const reference = await startReferenceServer()
  const ours = await startStoryloomServer()
  try {
    console.log('| scenario | server | p50 ms | p99 ms | server CPU % | samples |')
    console.log('|---|---|---|---|---|---|')
    for (const scenario of fanoutScenarios) {
      const [ref, mine] = await compare(reference, ours, scenario)
      console.log(`| ${scenario.name} | ${reference.name} | ${fmt(ref.p50)} | ${fmt(ref.p99)} | ${fmt(ref.cpuPercent, 0)} | ${ref.samples} |`)
      console.log(`| ${scenario.name} | ${ours.name} | ${fmt(mine.p50)} | ${fmt(mine.p99)} | ${fmt(mine.cpuPercent, 0)} | ${mine.samples} |`)
      console.log(
        `| ${scenario.name} | **ratio** | ${fmt(mine.p50 / ref.p50)}× | **${fmt(mine.p99 / ref.p99)}×** (target ≤ 1.0×) | ${fmt(mine.cpuPercent / ref.cpuPercent)}× | |`,
      )
    }
  } finally {
    await reference.stop()
    await ours.stop()
    removeDataDir(ours.dataDir)
  }
}
