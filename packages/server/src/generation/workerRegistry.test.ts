import { describe, expect, it } from 'vitest'
import { WORKER_HEARTBEAT_MS } from '@storyloom/shared/generation/workerApi'
import { WorkerRegistry } from './workerRegistry'

describe('WorkerRegistry', () => {
  it('tells the count when a worker joins, is found lost, or is forgotten after missing its heartbeats — not on every beat', () => {
    let now = 1_000_000
    const registry = new WorkerRegistry(() => now)
    const counts: number[] = []
    registry.onCountChange((count) => counts.push(count))
    const beat = (workerId: string) => registry.heartbeat({ workerId, device: 'cpu', models: [] })

    beat('w1')
    beat('w2')
    beat('w1')
    expect(counts).toEqual([1, 2])

    registry.forget('w2')
    registry.forget('w2')
    expect(counts).toEqual([1, 2, 1])
    // A lost worker that beats again is back.
    beat('w2')
    expect(counts).toEqual([1, 2, 1, 2])

    now += WORKER_HEARTBEAT_MS * 2
    beat('w2')
    now += WORKER_HEARTBEAT_MS * 1.5
    // What the expiry timer does: w1 missed three beats, w2 did not.
    expect(registry.count()).toBe(1)
    expect(counts).toEqual([1, 2, 1, 2, 1])
  })
})
