import { describe, expect, it } from 'vitest'
import type { WorkerPresence } from '../queue/bullmqQueue'
import { WorkerPresenceWatch } from './workerPresenceWatch'

/** A watch over a hand-set Redis: `redis` is what the next looks see. */
function watched() {
  const gone: string[] = []
  const orphaned: string[] = []
  let redis: WorkerPresence | Error | undefined = { connected: new Set(), running: [] }
  const watch = new WorkerPresenceWatch(
    async () => {
      if (redis instanceof Error) throw redis
      return redis
    },
    { onGone: (workerId) => gone.push(workerId), onOrphaned: (jobId, workerId) => orphaned.push(`${jobId}@${workerId}`) },
  )
  const see = (connected: string[], running: Record<string, string> = {}) => {
    redis = { connected: new Set(connected), running: Object.entries(running).map(([jobId, workerId]) => ({ jobId, workerId })) }
  }
  const looks = async (n: number) => {
    for (let i = 0; i < n; i++) await watch.poll()
  }
  return { watch, see, looks, gone, orphaned, fail: (error: Error) => (redis = error), unknown: () => (redis = undefined) }
}

describe('WorkerPresenceWatch', () => {
  it('reports a worker gone once its connection has been missing for three looks in a row, once', async () => {
    const { watch, see, looks, gone } = watched()
    see(['w1', 'w2'])
    await looks(1)
    expect(watch.watches('w1')).toBe(true)
    see(['w2'])
    await looks(2)
    see(['w1', 'w2']) // a blip: back before it counted as gone
    await looks(1)
    see(['w2'])
    await looks(2)
    expect(gone).toEqual([])
    await looks(1)
    expect(gone).toEqual(['w1'])
    expect(watch.watches('w1')).toBe(false)
    await looks(5)
    expect(gone).toEqual(['w1'])
  })

  it('reports a worker that said its connection is open and was killed before any look saw it', async () => {
    // Killed within a second of connecting: no look saw it, and before, it counted until its heartbeats expired (30 s).
    const { watch, see, looks, gone } = watched()
    see([])
    watch.expect('w1')
    expect(watch.watches('w1')).toBe(true)
    await looks(2)
    expect(gone).toEqual([])
    await looks(1)
    expect(gone).toEqual(['w1'])
    // Seen connected, it is watched as any other; told again, nothing is doubled.
    see(['w2'])
    watch.expect('w2')
    await looks(1)
    watch.expect('w2')
    see([])
    await looks(3)
    expect(gone).toEqual(['w1', 'w2'])
  })

  it('never reports a worker it has not seen connected (a new one still connecting, or one that does not name its consumer)', async () => {
    const { watch, see, looks, gone } = watched()
    see([])
    await looks(5)
    expect(gone).toEqual([])
    expect(watch.watches('w1')).toBe(false)
  })

  it("reports a running job whose worker is gone, even one never seen (a server that just started), once; not one whose worker is connected", async () => {
    const { see, looks, gone, orphaned } = watched()
    see(['alive'], { 'job-1': 'killed', 'job-2': 'alive' })
    await looks(2)
    expect(orphaned).toEqual([])
    await looks(1)
    expect(orphaned).toEqual(['job-1@killed'])
    expect(gone).toEqual(['killed'])
    await looks(3)
    expect(orphaned).toEqual(['job-1@killed'])
  })

  it('reports the job again when the worker that took it over is gone too', async () => {
    const { see, looks, orphaned } = watched()
    see(['w2'], { 'job-1': 'w1' })
    await looks(3)
    see(['w2'], { 'job-1': 'w2' }) // w1's lock expired, w2 took it
    await looks(3)
    see([], { 'job-1': 'w2' })
    await looks(3)
    expect(orphaned).toEqual(['job-1@w1', 'job-1@w2'])
  })

  it('learns nothing from looks that fail, or from a Redis that does not list its clients', async () => {
    const { see, looks, gone, orphaned, fail, unknown } = watched()
    see(['w1'], { 'job-1': 'w1' })
    await looks(1)
    fail(new Error('Connection is closed.'))
    await looks(5)
    unknown()
    await looks(5)
    expect({ gone, orphaned }).toEqual({ gone: [], orphaned: [] })
  })
})
