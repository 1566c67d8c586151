import { fork } from 'node:child_process'
import { getPriority, setPriority } from 'node:os'
import { fileURLToPath } from 'node:url'
import { serverNodeFlags } from '@storyloom/server/nodeFlags'
import type { FanoutRoundMessage, FanoutRoundRequest } from './support/fanoutClients'
import { startReferenceServer, startStoryloomServer, removeDataDir, type BenchServer } from './support/servers'
import { fmt, mainThreadCpuSeconds, median, percentile, processCpuSeconds } from './support/stats'

/**
 * Fan-out on one board: latency from a writer's update to every other client, p50/p99, and the
 * server's CPU, for Storyloom (validating every record, persisting every update to SQLite before
 * broadcasting) side by side with the bare @y/websocket-server reference, in one run.
 *
 * Method, chosen for a shared, loaded machine:
 * - both servers are separate processes, with the same V8 flags and the same scheduling priority;
 * - each round's clients run in a fresh child process (support/fanoutClients.ts), identical for
 *   both servers, apart from this orchestrator;
 * - rounds alternate reference, Storyloom, reference, Storyloom … (ABAB), each on a fresh board,
 *   after one unmeasured warm-up round per server (~2,760 updates, see JIT_WARMUP), and a round
 *   starts only once the previous round's server is done unloading its board (Storyloom does so
 *   5 s after the clients left), so that work never lands in the other server's measured window;
 * - the headline is the median, over rounds, of Storyloom's p99 divided by the reference's p99
 *   in the same round (adjacent in time, so under the same background load), with the spread
 *   (min–max) of those per-round ratios. Pooled p50/p99 over all rounds are printed too;
 * - per update, the latency of the first client to receive it and the time from it to the last
 *   (see Round): which part of the latency is the server's work before its first send, and
 *   which the fan-out to the clients in their one process;
 * - the server's CPU over each measured window: the whole process's, and its main thread's alone
 *   (the event loop, which does the fan-out; the other threads are V8's helpers and Storyloom's
 *   database workers), from /proc, which the machine's load distorts less than latency.
 */
type Scenario = { name: string; writers: number; readers: number; hz: number }

export const fanoutScenarios: Scenario[] = [
  { name: '1 writer @60 Hz → 50 readers', writers: 1, readers: 50, hz: 60 },
  { name: '20 writers @20 Hz each (all read)', writers: 20, readers: 0, hz: 20 },
]

/**
 * One measured round. Per update (across the clients that received it): `firstReader` is the
 * latency of the first client to have it — the writer's send, the server's work before its
 * first send, one delivery — and `spread` the time from that client to the last one — the rest
 * of the server's sends and the clients' own processing, which queues in their one process.
 */
type Round = {
  latencies: number[]
  p50: number
  p99: number
  firstReader: number[]
  spread: number[]
  cpuSeconds: number
  mainThreadCpuSeconds: number
  wallSeconds: number
}

/** Per-update first-reader latency and spread (see Round) from the clients' samples. */
function perUpdate(latencies: number[], updates: number[]): { firstReader: number[]; spread: number[] } {
  const byUpdate = new Map<number, { min: number; max: number }>()
  for (const [i, latency] of latencies.entries()) {
    const seen = byUpdate.get(updates[i]!)
    if (!seen) byUpdate.set(updates[i]!, { min: latency, max: latency })
    else {
      seen.min = Math.min(seen.min, latency)
      seen.max = Math.max(seen.max, latency)
    }
  }
  const all = [...byUpdate.values()]
  return { firstReader: all.map((u) => u.min), spread: all.map((u) => u.max - u.min) }
}

const WARMUP_MS = 1_500
/**
 * The unmeasured warm-up round per server: long enough for V8 to finish optimizing the update
 * path. Both servers need ~2,400 updates for that (main-thread CPU per update in the room bench's
 * child settles there; with a 1 s warm-up, TurboFan still compiled each server's update path —
 * Yjs's applyUpdateV2 and integrateStructs, Storyloom's validation and append — inside measured
 * rounds 3–7). At 240 Hz that is 10 s, plus the round's own 1.5 s.
 */
const JIT_WARMUP: Scenario = { name: 'JIT warm-up', writers: 1, readers: 50, hz: 240 }
const JIT_WARMUP_MS = Number(process.env.BENCH_FANOUT_JIT_WARMUP_MS ?? 10_000)
const MEASURE_MS = Number(process.env.BENCH_FANOUT_MS ?? 4_000)
const ROUNDS = Number(process.env.BENCH_FANOUT_ROUNDS ?? 8)
const clientScript = fileURLToPath(new URL('./support/fanoutClients.ts', import.meta.url))

/** The next round waits until the last round's server is done unloading its board (see BenchServer). */
let settledAt = 0

/** Runs one round's clients in a fresh process, measuring the server's CPU over the measured window. */
async function runRound(server: BenchServer, url: string, scenario: Scenario, measureMs: number): Promise<Round> {
  const child = fork(clientScript, { execArgv: [...serverNodeFlags, '--import', 'tsx'], stdio: ['ignore', 'inherit', 'inherit', 'ipc'] })
  const request: FanoutRoundRequest = { url, writers: scenario.writers, readers: scenario.readers, hz: scenario.hz, warmupMs: WARMUP_MS, measureMs }
  // The client process starts up (loading its modules) meanwhile.
  await new Promise((r) => setTimeout(r, Math.max(0, settledAt - performance.now())))
  let cpuBefore = 0
  let mainBefore = 0
  let start = 0
  return new Promise<Round>((resolve, reject) => {
    child.on('message', (message: FanoutRoundMessage) => {
      if (message.type === 'measuring') {
        cpuBefore = processCpuSeconds(server.pid)
        mainBefore = mainThreadCpuSeconds(server.pid)
        start = performance.now()
      } else if (message.type === 'result') {
        const cpuSeconds = processCpuSeconds(server.pid) - cpuBefore
        const mainThreadCpu = mainThreadCpuSeconds(server.pid) - mainBefore
        const wallSeconds = (performance.now() - start) / 1000
        const { latencies, updates } = message
        const p50 = percentile(latencies, 50)
        const p99 = percentile(latencies, 99)
        resolve({ latencies, p50, p99, ...perUpdate(latencies, updates), cpuSeconds, mainThreadCpuSeconds: mainThreadCpu, wallSeconds })
      } else {
        reject(new Error(`fan-out clients failed: ${message.message}`))
      }
    })
    child.once('exit', (code) => reject(new Error(`fan-out clients exited (${code}) without a result`)))
    child.send(request)
  })
}

async function round(server: BenchServer, scenario: Scenario, measureMs = MEASURE_MS): Promise<Round> {
  const result = await runRound(server, await server.newRoom('fanout'), scenario, measureMs)
  settledAt = performance.now() + server.busyAfterLastClientMs
  return result
}

const spread = (values: number[]) => `${fmt(Math.min(...values))}–${fmt(Math.max(...values))}`

function pooled(rounds: Round[]) {
  const latencies = rounds.flatMap((r) => r.latencies)
  const cpu = rounds.reduce((sum, r) => sum + r.cpuSeconds, 0)
  const main = rounds.reduce((sum, r) => sum + r.mainThreadCpuSeconds, 0)
  const wall = rounds.reduce((sum, r) => sum + r.wallSeconds, 0)
  const firstReader = rounds.flatMap((r) => r.firstReader)
  const spread = rounds.flatMap((r) => r.spread)
  return {
    p50: percentile(latencies, 50),
    p99: percentile(latencies, 99),
    firstReader: `${fmt(percentile(firstReader, 50))} / ${fmt(percentile(firstReader, 99))}`,
    spread: `${fmt(percentile(spread, 50))} / ${fmt(percentile(spread, 99))}`,
    samples: latencies.length,
    cpuPercent: (cpu / wall) * 100,
    mainThreadCpuPercent: (main / wall) * 100,
  }
}

/** Alternating rounds (ABAB) on both servers; each round's ratio pairs it with the other server's round next to it. */
async function compare(ref: BenchServer, ours: BenchServer, scenario: Scenario): Promise<void> {
  const refRounds: Round[] = []
  const ourRounds: Round[] = []
  for (let i = 0; i < ROUNDS; i++) {
    refRounds.push(await round(ref, scenario))
    ourRounds.push(await round(ours, scenario))
  }
  const ratios = (pick: (r: Round) => number) => ourRounds.map((r, i) => pick(r) / pick(refRounds[i]!))
  const cpuPercent = (r: Round) => (r.cpuSeconds / r.wallSeconds) * 100
  const mainThreadCpuPercent = (r: Round) => (r.mainThreadCpuSeconds / r.wallSeconds) * 100
  for (const [server, rounds] of [[ref, refRounds], [ours, ourRounds]] as const) {
    const all = pooled(rounds)
    console.log(
      `| ${scenario.name} | ${server.name} | ${fmt(all.p50)} | ${fmt(all.p99)} | ${fmt(median(rounds.map((r) => r.p99)))} | ${all.firstReader} | ${all.spread} | ${fmt(all.cpuPercent, 0)} | ${fmt(all.mainThreadCpuPercent, 1)} | ${all.samples} |`,
    )
  }
  const p50 = ratios((r) => r.p50)
  const p99 = ratios((r) => r.p99)
  const cpu = ratios(cpuPercent)
  const mainThreadCpu = ratios(mainThreadCpuPercent)
  const firstReader = ratios((r) => percentile(r.firstReader, 50))
  const readerSpread = ratios((r) => percentile(r.spread, 50))
  console.log(
    `| ${scenario.name} | **ratio**, median of ${ROUNDS} rounds (min–max) | ${fmt(median(p50))}× (${spread(p50)}) | | **${fmt(median(p99))}×** (${spread(p99)}) target ≤ 1.0× | p50 ${fmt(median(firstReader))}× (${spread(firstReader)}) | p50 ${fmt(median(readerSpread))}× (${spread(readerSpread)}) | ${fmt(median(cpu))}× (${spread(cpu)}) | ${fmt(median(mainThreadCpu))}× (${spread(mainThreadCpu)}) | |`,
  )
}

/** Both servers at the orchestrator's own priority, so the scheduler favours neither. */
function equalPriority(servers: BenchServer[]): number {
  const priority = getPriority()
  for (const server of servers) setPriority(server.pid, priority)
  return priority
}

/** Runs every scenario on both servers and prints the table with ratios. */
export async function benchFanout(): Promise<void> {
  console.log('\n## Fan-out on one board (latency writer → other clients)\n')
  const reference = await startReferenceServer()
  const ours = await startStoryloomServer()
  try {
    const priority = equalPriority([reference, ours])
    console.log(
      `${ROUNDS} rounds per server and scenario, alternating, ${MEASURE_MS} ms measured each after ${WARMUP_MS} ms of warm-up, ` +
        `after one unmeasured round per server at ${JIT_WARMUP.hz} Hz for ${WARMUP_MS + JIT_WARMUP_MS} ms; ` +
        `servers at nice ${priority} with ${serverNodeFlags.join(' ')}; clients in a fresh process per round.\n`,
    )
    // One unmeasured round each: JIT warm-up and first-use allocations stay out of the measured rounds.
    for (const server of [reference, ours]) await round(server, JIT_WARMUP, JIT_WARMUP_MS)
    console.log(
      '| scenario | server | p50 ms (pooled) | p99 ms (pooled) | p99 ms (median round) | first reader p50 / p99 ms | first → last reader p50 / p99 ms | server CPU % | main-thread CPU % | samples |',
    )
    console.log('|---|---|---|---|---|---|---|---|---|---|')
    for (const scenario of fanoutScenarios) await compare(reference, ours, scenario)
  } finally {
    await reference.stop()
    await ours.stop()
    removeDataDir(ours.dataDir)
  }
}
