import { afterEach, describe, expect, it } from 'vitest'
import { BullmqJobSource } from './bullmqJobSource'

const sources: BullmqJobSource[] = []
afterEach(async () => {
  for (const source of sources.splice(0)) await source.close(0)
})

describe('BullmqJobSource.close', () => {
  it('returns soon when no job runs, also while Redis does not answer (a SIGTERM must not hang)', async () => {
    const source = new BullmqJobSource({ redisUrl: 'redis://127.0.0.1:1' /* nothing listens on port 1 */, prefix: 'storyloom-test-close', onError: () => undefined })
    sources.push(source)
    source.process(async () => {
      throw new Error('no job can arrive: Redis is down')
    })
    await new Promise((resolve) => setTimeout(resolve, 300)) // the worker is trying to connect
    const started = performance.now()
    const outcome = await Promise.race([source.close(30_000).then(() => 'closed'), new Promise((resolve) => setTimeout(() => resolve('still waiting'), 5_000))])
    expect(outcome).toBe('closed')
    expect(performance.now() - started).toBeLessThan(5_000)
  })
})
