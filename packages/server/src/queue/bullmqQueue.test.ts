import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import { openBullmqQueue } from './bullmqQueue'
import { deleteRedisKeys } from './deleteRedisKeys'
import { defineQueueConformance, jobData, waitFor, type TestResult } from './queueConformance'
import { redisForTests, testRedisUrl as redisUrl } from './testRedis'

// Skipped with a warning when Redis does not answer; under CI that fails the file instead.
const redisUp = await redisForTests('the BullMQ queue tests')

/** Each store is a unique key prefix; destroying it deletes every key under that prefix. */
async function newStore() {
  const prefix = `storyloom-test-${randomUUID()}`
  return {
    async open(options: { maxAttempts?: number; retryDelayMs?: number }) {
      return openBullmqQueue<TestResult>({ redisUrl, prefix, ...options })
    },
    destroy: () => deleteRedisKeys(redisUrl, prefix),
  }
}

// Runs against the real Redis.
describe.skipIf(!redisUp)('bullmq queue', () => {
  defineQueueConformance(newStore)

  describe('across processes', () => {
    const cleanups: (() => Promise<void>)[] = []
    afterEach(async () => {
      for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
    })

    it('delivers a cancel from the API process to the worker process that runs the job', async () => {
      const store = await newStore()
      cleanups.push(() => store.destroy())
      const api = await store.open({})
      const worker = await store.open({})
      cleanups.push(() => api.close(), () => worker.close())
      let sawAbort = false
      worker.process(async (job, { signal }) => {
        await new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve(), { once: true }))
        sawAbort = true
        return { jobId: job.id, attempt: job.attempts }
      })
      const job = await api.add(jobData(), { priority: 1 })
      await waitFor(async () => (await api.get(job.id))?.status === 'running')
      expect(await api.cancel(job.id)).toBe('canceled')
      await waitFor(() => sawAbort)
      await waitFor(async () => (await worker.get(job.id))?.status === 'canceled')
      expect((await api.get(job.id))?.status).toBe('canceled')
    })
  })
})
