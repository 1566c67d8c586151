import { randomUUID } from 'node:crypto'
import { Queue } from 'bullmq'
import { Redis } from 'ioredis'
import { afterEach, describe, expect, it } from 'vitest'
import { BullmqJobSource } from '@storyloom/gpu-worker/service/bullmqJobSource'
import { openBullmqQueue } from '@storyloom/server/queue/bullmqQueue'
import { deleteRedisKeys } from '@storyloom/server/queue/deleteRedisKeys'
import type { JobSource } from '@storyloom/shared/generation/jobSource'
import { bullmqQueueKeys, canceledReason, GENERATION_JOB_NAME } from '@storyloom/shared/generation/jobSource'
import { jobData, waitFor } from '@storyloom/server/queue/queueConformance'
import { redisForTests, testRedisUrl as redisUrl } from '@storyloom/server/queue/testRedis'

// Skipped with a warning when Redis does not answer; under CI that fails the file instead.
const redisUp = await redisForTests('the queue cancel tests')

const name = 'generations'
const cleanups: (() => Promise<void>)[] = []
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup()
})

/** A fresh prefix, the server's queue on it, and its keys deleted afterwards. */
function setUp() {
  const prefix = `storyloom-test-${randomUUID()}`
  const api = openBullmqQueue<unknown>({ redisUrl, prefix, name, retryDelayMs: 0 })
  cleanups.push(() => deleteRedisKeys(redisUrl, prefix))
  cleanups.push(() => api.close())
  return { prefix, api }
}

/** `consumer`, closed after the test. */
function opened(consumer: JobSource<unknown>): JobSource<unknown> {
  cleanups.push(() => consumer.close())
  return consumer
}

/**
 * Both consumers of the BullMQ queue (the worker package's and the server's own, used in
 * process) must never run a canceled job: whether the cancel came while it waited, or its
 * message reached the consumer before the job did.
 */
const consumers: [string, (prefix: string) => JobSource<unknown>][] = [
  ['the worker package consumer', (prefix) => new BullmqJobSource({ redisUrl, prefix, name }) as JobSource<unknown>],
  ['the server queue consumer', (prefix) => openBullmqQueue<unknown>({ redisUrl, prefix, name, retryDelayMs: 0 })],
]

// Runs against the real Redis (.ci/run starts one).
describe.skipIf(!redisUp).each(consumers)('%s and cancel', (_label, openConsumer) => {
  it('fails a job canceled while it waited without running the handler', async () => {
    const { prefix, api } = setUp()
    const doomed = await api.add(jobData({ shotId: 'doomed' }), { priority: 1 })
    const kept = await api.add(jobData({ shotId: 'kept' }), { priority: 2 })
    expect(await api.cancel(doomed.id)).toBe('canceled')
    const ran: string[] = []
    const consumer = opened(openConsumer(prefix))
    consumer.process(async (job) => {
      ran.push(job.shotId)
      return {}
    })
    await waitFor(async () => (await api.get(kept.id))?.status === 'succeeded')
    await waitFor(async () => (await api.get(doomed.id))?.status === 'canceled')
    expect(ran).toEqual(['kept'])
  })

  it('refuses a job whose cancel message arrived before the job reached it', async () => {
    const { prefix, api } = setUp()
    const consumer = opened(openConsumer(prefix))
    const ran: string[] = []
    consumer.process(async (job) => {
      ran.push(job.shotId)
      return {}
    })
    // The message of a cancel that lands just after a worker took the job can beat the job to
    // the worker (two connections). Sent here before the job exists, it always does.
    const id = randomUUID()
    const publisher = new Redis(redisUrl)
    cleanups.push(async () => void (await publisher.quit()))
    await waitFor(async () => ((await publisher.pubsub('NUMSUB', bullmqQueueKeys(prefix, name).cancelChannel)) as [string, number])[1] > 0)
    await publisher.publish(bullmqQueueKeys(prefix, name).cancelChannel, id)
    const producer = new Queue(name, { connection: publisher.duplicate(), prefix })
    cleanups.push(() => producer.close())
    await producer.add(GENERATION_JOB_NAME, jobData({ shotId: 'raced' }), { jobId: id, priority: 1, attempts: 3 })
    const kept = await api.add(jobData({ shotId: 'kept' }), { priority: 2 })
    await waitFor(async () => (await api.get(kept.id))?.status === 'succeeded')
    const raced = await producer.getJob(id)
    expect(await raced?.getState()).toBe('failed')
    expect(raced?.failedReason).toBe(canceledReason)
    expect(raced?.attemptsMade).toBe(1)
    expect(ran).toEqual(['kept'])
  })

  it('aborts a running job on cancel and does not retry it', async () => {
    const { prefix, api } = setUp()
    const consumer = opened(openConsumer(prefix))
    const started: string[] = []
    let aborted = false
    consumer.process(async (job, { signal }) => {
      started.push(job.id)
      if (job.shotId !== 'long') return {}
      await new Promise<void>((resolve) => signal.addEventListener('abort', resolve))
      aborted = signal.aborted
      return {}
    })
    const job = await api.add(jobData({ shotId: 'long' }), { priority: 1 })
    await waitFor(async () => started.includes(job.id))
    expect(await api.cancel(job.id)).toBe('canceled')
    await waitFor(async () => aborted)
    const kept = await api.add(jobData({ shotId: 'kept' }), { priority: 2 })
    await waitFor(async () => (await api.get(kept.id))?.status === 'succeeded')
    expect((await api.get(job.id))?.status).toBe('canceled')
    expect(started).toEqual([job.id, kept.id])
  })
})
