import { describe, expect, it } from 'vitest'
import type { BoardEvent } from '@storyloom/shared/events/boardEvents'
import type { BoardEventHub } from '../events/boardEventHub'
import { GenerationEventRelay } from './eventRelay'
import type { GenerationQueueOf } from './generationService'

/** A relay over a queue that knows one job, `job1` of shot `shape:s` on board `b`; what it publishes. */
function relay() {
  const published: BoardEvent[] = []
  const queue = { onSettled: () => () => {}, get: async (id: string) => (id === 'job1' ? { id, boardId: 'b', shotId: 'shape:s', status: 'running' } : undefined) }
  const hub = { publish: (event: BoardEvent) => published.push(event) }
  return { relay: new GenerationEventRelay(queue as unknown as GenerationQueueOf, hub as unknown as BoardEventHub), published }
}

describe('GenerationEventRelay', () => {
  it("tells the job's board at once that its worker is restarting the inference process, without keeping it for the list", async () => {
    const { relay: r, published } = relay()
    r.signal({ type: 'restarting', jobId: 'job1' })
    await expect.poll(() => published.length).toBe(1)
    expect(published[0]).toMatchObject({ type: 'worker_lost', boardId: 'b', shotId: 'shape:s', generationId: 'job1', restarting: true })
    expect(r.workerLostAt('job1')).toBeUndefined()
  })
})
