import { randomUUID } from 'node:crypto'
import { Redis } from 'ioredis'
import { deleteRedisKeys } from '@storyloom/server/queue/deleteRedisKeys'
import { redisSkipReason, testRedisUrl as redisUrl } from '@storyloom/server/queue/testRedis'
import { bareBullmq, storyloomQueue } from './queueOverhead'
import { fmt, percentile } from './support/stats'

/**
 * `pnpm exec tsx bench/queueProfile.ts`: where a job's time goes on each side of `pnpm bench
 * queue`. Watches Redis with MONITOR (which slows Redis a little: figures are for comparing
 * stages, not absolute) and prints, per side, the commands one job sends and the median time
 * from the job's first command to each of them, and to the end of the run.
 */
const skipped = await redisSkipReason('the queue profile runs')
if (skipped !== undefined) {
  console.log(skipped)
  process.exit(0)
}
const JOBS = Number(process.env.JOBS ?? 50)
const prefix = `storyloom-prof-${randomUUID()}`
const monitor = await new Redis(redisUrl).monitor()
type Seen = { t: number; command: string }
let current: Seen[] | undefined
monitor.on('monitor', (time: string, args: string[], source: string) => {
  if (!current || source === 'lua' || !args.some((a) => String(a).includes(prefix))) return
  const [command, first] = args.map(String)
  const label = command === 'evalsha' || command === 'eval' ? `${command} ${first!.slice(0, 8)}` : command!
  current.push({ t: Number(time) * 1000, command: label })
})
const sides = { bare: await bareBullmq(prefix), ours: await storyloomQueue(prefix) }
for (let i = 0; i < 10; i++) for (const run of Object.values(sides)) await run()
for (const [side, run] of Object.entries(sides)) {
  const stages = new Map<string, number[]>()
  const totals: number[] = []
  for (let i = 0; i < JOBS; i++) {
    current = []
    const t0 = performance.now()
    await run()
    totals.push(performance.now() - t0)
    await new Promise((resolve) => setTimeout(resolve, 20))
    const counts = new Map<string, number>()
    const start = current[0]?.t ?? 0
    for (const seen of current) {
      const n = (counts.get(seen.command) ?? 0) + 1
      counts.set(seen.command, n)
      const key = `${seen.command} #${n}`
      stages.set(key, [...(stages.get(key) ?? []), seen.t - start])
    }
  }
  current = undefined
  console.log(`\n${side}: p50 ${fmt(percentile(totals, 50))} ms from the call to the settle (times below: from the first command)`)
  const rows = [...stages].filter(([, ts]) => ts.length >= JOBS / 2).map(([k, ts]) => [k, percentile(ts, 50), ts.length] as const)
  for (const [key, t, n] of rows.sort((a, b) => a[1] - b[1])) console.log(`  ${fmt(t)} ms  ${key}  (${n} jobs)`)
}
for (const run of Object.values(sides)) await run.close()
monitor.disconnect()
await deleteRedisKeys(redisUrl, prefix)
