import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { serverNodeFlags } from '@storyloom/server/nodeFlags'
import type { Side, SideResult } from './support/roomHotPathChild'
import { fmt, median } from './support/stats'

/**
 * Each server's own work per client update, up to and including the fan-out writes, side by
 * side: Storyloom's room (decode, apply, validate, persist to SQLite, frame, hand the bytes to
 * every reader's socket) and the bare @y/websocket-server's (decode, apply, encode, send).
 * Each room is driven in-process (in a child with the server's V8 flags, one child per side
 * and round, so the two never share a heap) by real ws sockets whose writes go nowhere: neither
 * the network nor the clients are measured, so CPU time per update is a steadier figure than
 * end-to-end latency on a shared machine. Rounds alternate reference, Storyloom (ABAB); the
 * ratios are medians of per-round ratios. Syscalls for the writes are not included (both
 * servers pay those, once per reader; the reference also echoes the writer's own update).
 * CPU per update is the whole process's, so it includes work on other threads during an update: V8's
 * helpers, and Storyloom's WAL checkpoint and log compaction workers (every 100 appends / once
 * the log is as large as the snapshot, at least 256 kB: about every 690 of these updates).
 * The main-thread CPU column is the event loop's thread alone (its scheduler time over all the
 * measured updates, divided by their number): no worker threads, no timer call per update.
 */
const child = fileURLToPath(new URL('./support/roomHotPathChild.ts', import.meta.url))
const READERS = [50, 19]

function runSide(side: Side): Record<string, SideResult> {
  const out = execFileSync(process.execPath, [...serverNodeFlags, '--import', 'tsx', child, side, ...READERS.map(String)], { encoding: 'utf8' })
  return JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, SideResult>
}

/** Prints both servers' CPU and wall time per update for 1 writer → 50 and → 19 readers, with ratios. */
export async function benchRoomHotPath(): Promise<void> {
  const updates = Number(process.env.BENCH_ROOM_UPDATES ?? 3_000)
  const rounds = Number(process.env.BENCH_ROOM_ROUNDS ?? 3)
  console.log(`\n## Server time per client update (${updates} updates, in-process, writes to null sockets, ${rounds} alternating rounds)\n`)
  const results: Record<Side, Record<string, SideResult>[]> = { reference: [], storyloom: [] }
  for (let i = 0; i < rounds; i++) {
    results.reference.push(runSide('reference'))
    results.storyloom.push(runSide('storyloom'))
  }
  console.log('| readers | server | CPU p50 µs | CPU p99 µs | CPU mean µs | main-thread CPU mean µs | wall p50 µs | wall p99 µs | scavenges / 1k updates | GC pause µs / update |')
  console.log('|---|---|---|---|---|---|---|---|---|---|')
  for (const readers of READERS) {
    const perRound = (side: Side, pick: (r: SideResult) => number) => results[side].map((r) => pick(r[readers]!))
    const med = (side: Side, pick: (r: SideResult) => number) => median(perRound(side, pick))
    for (const side of ['reference', 'storyloom'] as const) {
      const row = [
        med(side, (r) => r.cpu.p50),
        med(side, (r) => r.cpu.p99),
        med(side, (r) => r.cpu.mean),
        med(side, (r) => r.mainThreadCpuUs),
        med(side, (r) => r.wall.p50),
        med(side, (r) => r.wall.p99),
        med(side, (r) => r.scavenges),
        med(side, (r) => r.gcUs),
      ]
      console.log(`| ${readers} | ${side} (median of rounds) | ${row.map((v) => fmt(v, 0)).join(' | ')} |`)
    }
    const ratio = (pick: (r: SideResult) => number) => {
      const ours = perRound('storyloom', pick)
      const ref = perRound('reference', pick)
      const ratios = ours.map((v, i) => v / ref[i]!)
      return `${fmt(median(ratios))}× (${fmt(Math.min(...ratios))}–${fmt(Math.max(...ratios))})`
    }
    console.log(
      `| ${readers} | **ratio** (median of rounds, min–max) | ${ratio((r) => r.cpu.p50)} | ${ratio((r) => r.cpu.p99)} | ${ratio((r) => r.cpu.mean)} | ${ratio((r) => r.mainThreadCpuUs)} | ${ratio((r) => r.wall.p50)} | ${ratio((r) => r.wall.p99)} | ${ratio((r) => r.scavenges)} | ${ratio((r) => r.gcUs)} |`,
    )
  }
}
