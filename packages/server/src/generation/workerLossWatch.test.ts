import { describe, expect, it } from 'vitest'
import { WORKER_BUSY_HEARTBEAT_MS, WORKER_LOST_AFTER_MS, type WorkerHeartbeat } from '@storyloom/shared/generation/workerApi'
import { WorkerLossWatch } from './workerLossWatch'

/** A watch on a hand-moved clock, checked after every move as its timer would be. */
function watched() {
  let now = 1_000_000
  const lost: string[] = []
  const watch = new WorkerLossWatch((jobId) => lost.push(jobId), { now: () => now })
  const beat = (workerId: string, jobs?: string[]) => watch.heartbeat({ workerId, device: 'cpu', models: [], ...(jobs ? { jobs } : {}) } satisfies WorkerHeartbeat)
  /** Moves the clock in check-sized ticks, checking at each. */
  const pass = (ms: number, every?: () => void) => {
    for (let t = 0; t < ms; t += WORKER_BUSY_HEARTBEAT_MS / 2) {
      now += WORKER_BUSY_HEARTBEAT_MS / 2
      every?.()
      watch.check()
    }
  }
  return { watch, beat, pass, lost, jump: (ms: number) => (now += ms) }
}

describe('WorkerLossWatch', () => {
  it('reports a job once when the worker running it stops sending heartbeats, not while they come', () => {
    const { beat, pass, lost } = watched()
    beat('w1', ['job-1'])
    pass(WORKER_LOST_AFTER_MS * 3, () => beat('w1', ['job-1']))
    expect(lost).toEqual([])
    pass(WORKER_LOST_AFTER_MS - WORKER_BUSY_HEARTBEAT_MS / 2)
    expect(lost).toEqual([])
    pass(WORKER_BUSY_HEARTBEAT_MS / 2)
    expect(lost).toEqual(['job-1'])
    pass(WORKER_LOST_AFTER_MS * 2)
    expect(lost).toEqual(['job-1'])
  })

  it('forgets a job its worker no longer lists, or that ended, or that another worker took', () => {
    const { watch, beat, pass, lost } = watched()
    beat('w1', ['done-here'])
    beat('w1', [])
    beat('w2', ['settled'])
    watch.settled('settled')
    beat('w3', ['moved'])
    beat('w4', ['moved']) // w3 was lost earlier and w4 took it over
    pass(WORKER_LOST_AFTER_MS / 2, () => beat('w4', ['moved']))
    pass(WORKER_LOST_AFTER_MS * 2, () => beat('w4', ['moved']))
    expect(lost).toEqual([])
  })

  it('a worker that comes back after being reported is watched again', () => {
    const { beat, pass, lost } = watched()
    beat('w1', ['job-1'])
    pass(WORKER_LOST_AFTER_MS)
    beat('w1', ['job-1'])
    pass(WORKER_LOST_AFTER_MS)
    expect(lost).toEqual(['job-1', 'job-1'])
  })

  it('reports nothing after this process itself was stalled, until the silence outlasts the stall', () => {
    const { beat, pass, lost, jump } = watched()
    beat('w1', ['job-1'])
    jump(WORKER_LOST_AFTER_MS * 5) // no timer ran: nothing was heard by anyone
    pass(WORKER_BUSY_HEARTBEAT_MS / 2)
    expect(lost).toEqual([])
    pass(WORKER_LOST_AFTER_MS)
    expect(lost).toEqual(['job-1'])
  })

  it('never reports workers that do not list their jobs (older workers)', () => {
    const { beat, pass, lost } = watched()
    beat('old')
    pass(WORKER_LOST_AFTER_MS * 3)
    expect(lost).toEqual([])
  })
})
