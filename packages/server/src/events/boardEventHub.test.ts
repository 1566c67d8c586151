import { describe, expect, it } from 'vitest'
import type { BoardEvent, BoardEventOf } from '@storyloom/shared/events/boardEvents'
import { waitFor } from '../queue/queueConformance'
import { BoardEventHub } from './boardEventHub'

const preview = (step: number): BoardEventOf<'preview'> => ({
  type: 'preview', boardId: 'b', generationId: 'g', shotId: 'shape:s', at: 0, variationIndex: 0, step, totalSteps: 10, image: 'data:image/webp;base64,AA', width: 8, height: 8,
})

describe('BoardEventHub', () => {
  it('sends only the latest of previews that come faster than the limit, and drops a waiting one on success', async () => {
    const hub = new BoardEventHub({ previewsPerSecond: 20 })
    const got: BoardEvent[] = []
    hub.subscribe('b', (e) => got.push(e))
    const other: BoardEvent[] = []
    hub.subscribe('other', (e) => other.push(e))
    for (let step = 1; step <= 5; step++) hub.publish(preview(step))
    expect(got.map((e) => e.type === 'preview' && e.step)).toEqual([1])
    await waitFor(() => got.length === 2)
    expect(got.map((e) => e.type === 'preview' && e.step)).toEqual([1, 5])
    hub.publish(preview(6))
    hub.publish({ type: 'canceled', boardId: 'b', generationId: 'g', shotId: 'shape:s', at: 0 })
    await new Promise((resolve) => setTimeout(resolve, 80))
    expect(got.map((e) => e.type)).toEqual(['preview', 'preview', 'canceled'])
    // Another board gets none of them, only that the queue moved (its queued jobs' places may have).
    expect(other).toEqual([{ type: 'queue_moved', boardId: 'other', at: expect.any(Number) }])
    hub.close()
  })

  it('sends an event about every board to each board with a listener, addressed to that board', () => {
    const hub = new BoardEventHub()
    const got: BoardEvent[] = []
    hub.subscribe('a', (e) => got.push(e))
    hub.subscribe('b', (e) => got.push(e))
    const stop = hub.subscribe('c', (e) => got.push(e))
    stop()
    hub.publishToEveryBoard((boardId) => ({ type: 'workers_changed', boardId, workers: 2, at: 1 }))
    expect(got).toEqual([
      { type: 'workers_changed', boardId: 'a', workers: 2, at: 1 },
      { type: 'workers_changed', boardId: 'b', workers: 2, at: 1 },
    ])
    hub.close()
  })
})
