import { randomUUID } from 'node:crypto'
import { Queue, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { DEFAULT_QUEUE_NAME, GENERATION_JOB_NAME } from '@storyloom/shared/generation/jobSource'
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
    prefix,
    async open(options: { maxAttempts?: number; retryDelayMs?: number }) {
      return openBullmqQueue<TestResult>({ redisUrl, prefix, ...options })
    },
    async addRaw(data: unknown) {
      const id = randomUUID()
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: null })
      const raw = new Queue(DEFAULT_QUEUE_NAME, { connection: redis, prefix })
      await raw.add(GENERATION_JOB_NAME, data, { jobId: id, priority: 1, attempts: 3 })
      await raw.close()
      await redis.quit()
      return id
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

    it("says which named workers Redis holds a connection of and who runs each running job; a worker's job outlives its connection", async () => {
      const store = await newStore()
      cleanups.push(() => store.destroy())
      const api = await store.open({})
      cleanups.push(() => api.close())
      const redis = new Redis(redisUrl, { maxRetriesPerRequest: null })
      cleanups.push(async () => void (await redis.quit()))
      // A worker as `pnpm worker` makes it (named with its workerId), and one unnamed, as older workers are.
      const consumer = (name?: string) => new Worker(DEFAULT_QUEUE_NAME, () => new Promise(() => {}), { connection: redis, prefix: store.prefix, ...(name ? { name } : {}), lockDuration: 60_000 })
      const named = consumer('worker-a')
      const job = await api.add(jobData(), { priority: 1 })
      await waitFor(async () => (await api.get(job.id))?.status === 'running')
      const unnamed = consumer()
      cleanups.push(() => unnamed.close(true))
      await unnamed.waitUntilReady()
      const seen = await api.workerPresence()
      expect([...(seen?.connected ?? [])]).toEqual(['worker-a'])
      expect(seen?.running).toEqual([{ jobId: job.id, workerId: 'worker-a' }])

      await named.close(true) // its connections close, as a killed worker's do; the job keeps its lock
      await waitFor(async () => (await api.workerPresence())?.connected.has('worker-a') === false)
      const after = await api.workerPresence()
      expect(after?.running).toEqual([{ jobId: job.id, workerId: 'worker-a' }])
      expect((await api.get(job.id))?.status).toBe('running')
    })
  })
})
