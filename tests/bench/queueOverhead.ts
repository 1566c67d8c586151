import { randomUUID } from 'node:crypto'
import { Queue, QueueEvents, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { BullmqJobSource } from '@storyloom/gpu-worker/service/bullmqJobSource'
import { openBullmqQueue } from '@storyloom/server/queue/bullmqQueue'
import { deleteRedisKeys } from '@storyloom/server/queue/deleteRedisKeys'
import { defaultMaxAttempts, defaultRetryDelayMs } from '@storyloom/server/queue/generationQueue'
import { redisSkipReason, testRedisUrl as redisUrl } from '@storyloom/server/queue/testRedis'
import { generationJobDataSchema } from '@storyloom/shared/generation/jobs'
import { GENERATION_JOB_NAME } from '@storyloom/shared/generation/jobSource'
import type { WorkerJobResult } from '@storyloom/shared/generation/workerApi'
import { pagesOf, shotShape } from '../support/boardFixtures'
import { startGenerationServer } from '../support/generationServer'
import { openBoardEvents } from '../support/sseClient'
import { connectClient, createBoard, writeRecords } from '../support/syncClient'
import { fmt, percentile } from './support/stats'

const WARM_UP = 20
const JOBS = 300
const TARGET = 1.2
const PREVIEWS = 40

const noResult: WorkerJobResult = { model: { id: 'none', name: 'None', builtIn: false }, results: [] }

/**
 * Queue overhead and preview latency, on the real Redis:
 *
 * 1. Enqueue → worker start → result committed, one job at a time, with a handler that costs
 *    nothing: Storyloom's queue (the server's `add`, the worker's BullMQ consumer with its cancel
 *    check and validation, completion seen through `onSettled`) against bare BullMQ doing the
 *    same job (`Queue.add` of the same data and options → `Worker` no-op returning the same
 *    result → the `QueueEvents` completed event) in the same run, interleaved. Both see
 *    completion through the same QueueEvents event; neither pays a read of its own.
 * 2. Preview latency: a worker publishes a preview on Redis pub/sub → the server → an SSE client.
 */
export async function benchQueueOverhead(): Promise<void> {
  console.log('\n## Queue overhead (enqueue → worker start → result committed) and preview latency\n')
  // Skipped with the reason when Redis does not answer (under CI that is an error, as in the tests).
  const skipped = await redisSkipReason('the queue benchmarks')
  if (skipped !== undefined) return console.log(skipped)
  const prefix = `storyloom-bench-${randomUUID()}`
  try {
    const bare: number[] = []
    const ours: number[] = []
    const runBare = await bareBullmq(prefix)
    const runOurs = await storyloomQueue(prefix)
    for (let i = 0; i < WARM_UP; i++) {
      await runBare()
      await runOurs()
    }
    // Alternating which side goes first: each worker's idle poll after its job spills into
    // whatever runs next, so a fixed order would always hand that to the same side.
    for (let i = 0; i < JOBS; i++) {
      if (i % 2 === 0) {
        bare.push(await runBare())
        ours.push(await runOurs())
      } else {
        ours.push(await runOurs())
        bare.push(await runBare())
      }
    }
    await runBare.close()
    await runOurs.close()
    const ratio = percentile(ours, 50) / percentile(bare, 50)
    console.log('| path | p50 | p99 | ratio of p50s | target |')
    console.log('|---|---|---|---|---|')
    console.log(`| bare BullMQ add → no-op → completed | ${fmt(percentile(bare, 50))} ms | ${fmt(percentile(bare, 99))} ms | 1.00× | |`)
    console.log(`| Storyloom queue add → worker consumer → settled | ${fmt(percentile(ours, 50))} ms | ${fmt(percentile(ours, 99))} ms | **${fmt(ratio)}×** | ≤ ${TARGET}× — ${ratio <= TARGET ? 'met' : '**not met**'} |`)
    await previewLatency(prefix)
  } finally {
    // The queues' keys, and the preview server's (its own prefix).
    for (const keys of [prefix, `${prefix}-app`]) await deleteRedisKeys(redisUrl, keys)
  }
}

export async function bareBullmq(prefix: string) {
  const name = 'bare'
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  const [workerConnection, eventsConnection] = [connection.duplicate(), connection.duplicate()]
  const queue = new Queue(name, { connection, prefix })
  // Returns what ours returns: storing and relaying a result is BullMQ's work on both sides.
  const worker = new Worker(name, async () => noResult, { connection: workerConnection, prefix, concurrency: 1 })
  const events = new QueueEvents(name, { connection: eventsConnection, prefix })
  await Promise.all([worker.waitUntilReady(), events.waitUntilReady()])
  // Completion as ours sees it: the QueueEvents `completed` event, by an id known before the add
  // (`waitUntilFinished` would add an `isFinished` round trip of its own).
  const waiting = new Map<string, () => void>()
  events.on('completed', ({ jobId }) => waiting.get(jobId)?.())
  const run = async () => {
    const jobId = randomUUID()
    const data = benchJobData(`shape:bare-${jobId}`)
    const completed = new Promise<void>((resolve) => waiting.set(jobId, resolve))
    const t0 = performance.now()
    // The same job as ours: its data and the BullMQ options Storyloom's queue adds it with.
    await queue.add(GENERATION_JOB_NAME, data, { jobId, priority: 1, attempts: defaultMaxAttempts, backoff: { type: 'fixed', delay: defaultRetryDelayMs } })
    await completed
    waiting.delete(jobId)
    return performance.now() - t0
  }
  return Object.assign(run, {
    close: async () => {
      await worker.close()
      await events.close()
      await queue.close()
      for (const c of [connection, workerConnection, eventsConnection]) c.disconnect()
    },
  })
}

export async function storyloomQueue(prefix: string) {
  const name = 'ours'
  const queue = openBullmqQueue<WorkerJobResult>({ redisUrl, prefix, name })
  const source = new BullmqJobSource({ redisUrl, prefix, name })
  source.process(async () => noResult)
  const waiting = new Map<string, () => void>()
  // Keyed by a shot id known before the add, so no read is needed to catch an early settle.
  queue.onSettled((job: any) => waiting.get(job.shotId)?.())
  let n = 0
  const run = async () => {
    const shotId = `shape:bench-${n++}`
    const settled = new Promise<void>((resolve) => waiting.set(shotId, resolve))
    const data = benchJobData(shotId)
    const t0 = performance.now()
    await queue.add(data, { priority: 1 })
    await settled
    waiting.delete(shotId)
    return performance.now() - t0
  }
  return Object.assign(run, {
    close: async () => {
      await source.close()
      await queue.close()
    },
  })
}

/** One generation's job data, as the server enqueues it (defaults filled in). */
function benchJobData(shotId: string) {
  return generationJobDataSchema.parse({ boardId: 'bench', shotId, requestedBy: 'bench', params: { prompt: 'a lighthouse at dusk, wide shot', seed: 1, steps: 1, guidance: 1, width: 64, height: 64 } })
}

/** Preview latency through the real server in Redis mode: pub/sub → relay → throttle → SSE. */
async function previewLatency(prefix: string): Promise<void> {
  const server = await startGenerationServer({ redisUrl, redisPrefix: `${prefix}-app` })
  const boardId = createBoard(server.db)
  const client = connectClient(server.syncUrl, boardId)
  await client.synced()
  writeRecords(client, shotShape('shot', pagesOf(client.doc)[0]!.id))
  // Arrivals are timed as the SSE client parses them (polling would round them up to its interval).
  const arrived = new Map<number, () => void>()
  const stream = openBoardEvents(server.url, boardId, {
    onEvent: (event) => {
      if (event.type === 'preview') arrived.get(event.step)?.()
    },
  })
  await stream.ready
  const signals = new BullmqJobSource({ redisUrl, prefix: `${prefix}-app` })
  try {
    // Preview latency: one queued job (no worker takes it), previews published as a worker does.
    const res = await server.generate(boardId, { shotIds: ['shape:shot'] })
    const { generations } = (await res.json()) as { generations: { id: string }[] }
    const jobId = generations[0]!.id
    const latencies: number[] = []
    for (let step = 1; step <= PREVIEWS; step++) {
      let receivedAt = 0
      const received = new Promise<void>((resolve) => arrived.set(step, () => ((receivedAt = performance.now()), resolve())))
      const sentAt = performance.now()
      signals.publishSignal({ type: 'preview', jobId, variationIndex: 0, step, totalSteps: PREVIEWS, mediaType: 'image/webp', data: 'UklGRg==', width: 8, height: 8, sentAt: Date.now() })
      let timer: NodeJS.Timeout | undefined
      const late = new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new Error(`preview ${step} did not arrive within 10 s`)), 10_000)))
      await Promise.race([received, late]).finally(() => clearTimeout(timer))
      latencies.push(receivedAt - sentAt)
      // Under the per-generation preview limit, so the throttle never holds one back.
      await new Promise((resolve) => setTimeout(resolve, 260))
    }
    console.log(`\nPreview latency, worker publish → Redis pub/sub → server → SSE client (${PREVIEWS} previews): p50 ${fmt(percentile(latencies, 50))} ms, p99 ${fmt(percentile(latencies, 99))} ms.`)
  } finally {
    stream.close()
    client.destroy()
    await signals.close()
    await server.dispose()
  }
}
