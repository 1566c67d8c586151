import { execFileSync } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { serverNodeFlags } from '@storyloom/server/nodeFlags'
import type { Times } from './support/roomHotPathChild'
import { fmt } from './support/stats'

/**
 * The Storyloom server's own work per client update, up to and including the fan-out writes:
 * decode, apply, validate, persist to SQLite, frame and hand the bytes to every reader's socket.
 * One room driven in-process (in a child with the server's V8 flags) by sockets whose writes go
 * nowhere, so neither the network nor the clients are measured: CPU time per update is a
 * steadier figure than end-to-end latency on a shared machine. Syscalls for the writes are not
 * included (the reference server pays those too).
 */
const child = fileURLToPath(new URL('./support/roomHotPathChild.ts', import.meta.url))
const READERS = [50, 19]

/** Prints the server's CPU and wall time per update for 1 writer → 50 and → 19 readers. */
export async function benchRoomHotPath(): Promise<void> {
  const updates = Number(process.env.BENCH_ROOM_UPDATES ?? 3_000)
  console.log(`\n## Storyloom room: server time per client update (${updates} updates, in-process, writes to null sockets)\n`)
  const out = execFileSync(process.execPath, [...serverNodeFlags, '--import', 'tsx', child, ...READERS.map(String)], { encoding: 'utf8' })
  const results = JSON.parse(out.trim().split('\n').at(-1)!) as Record<string, { cpu: Times; wall: Times }>
  console.log('| readers | CPU p50 µs | CPU p99 µs | CPU mean µs | wall p50 µs | wall p99 µs |')
  console.log('|---|---|---|---|---|---|')
  for (const readers of READERS) {
    const { cpu, wall } = results[readers]!
    console.log(`| ${readers} | ${fmt(cpu.p50, 0)} | ${fmt(cpu.p99, 0)} | ${fmt(cpu.mean, 0)} | ${fmt(wall.p50, 0)} | ${fmt(wall.p99, 0)} |`)
  }
}
