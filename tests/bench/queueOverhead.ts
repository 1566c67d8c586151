import { randomUUID } from 'node:crypto'
import { Queue, QueueEvents, Worker } from 'bullmq'
import { Redis } from 'ioredis'
import { BullmqJobSource } from '@storyloom/gpu-worker/service/bullmqJobSource'
import { openBullmqQueue } from '@storyloom/server/queue/bullmqQueue'
import { redisAnswers } from '@storyloom/server/queue/redisProbe'
import type { GenerationJob } from '@storyloom/shared/generation/jobs'
import type { WorkerJobResult } from '@storyloom/shared/generation/workerApi'
import { pagesOf, shotShape } from '../support/boardFixtures'
import { startGenerationServer } from '../support/generationServer'
import { openBoardEvents } from '../support/sseClient'
import { connectClient, createBoard, waitFor, writeRecords } from '../support/syncClient'
import { fmt, percentile } from './support/stats'

const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'
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
 *    check and validation, completion seen through `onSettled`) against bare BullMQ
 *    (`Queue.add` → `Worker` no-op → `QueueEvents` completed) in the same run, interleaved.
 * 2. Preview latency: a worker publishes a preview on Redis pub/sub → the server → an SSE client.
 */
export async function benchQueueOverhead(): Promise<void> {
  console.log('\n## Queue overhead (enqueue → worker start → result committed) and preview latency\n')
  if (!(await redisAnswers(redisUrl))) {
    console.log(`skipped: Redis does not answer at ${redisUrl}`)
    return
  }
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
    for (let i = 0; i < JOBS; i++) {
      bare.push(await runBare())
      ours.push(await runOurs())
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
    await deleteKeys(prefix)
  }
}

async function bareBullmq(prefix: string) {
  const name = 'bare'
  const connection = new Redis(redisUrl, { maxRetriesPerRequest: null })
  const queue = new Queue(name, { connection, prefix })
  const worker = new Worker(name, async () => null, { connection: connection.duplicate(), prefix, concurrency: 1 })
  const events = new QueueEvents(name, { connection: connection.duplicate(), prefix })
  await Promise.all([worker.waitUntilReady(), events.waitUntilReady()])
  const run = async () => {
    const t0 = performance.now()
    const job = await queue.add('generate', { n: 1 }, { priority: 1 })
    await job.waitUntilFinished(events)
    return performance.now() - t0
  }
  return Object.assign(run, {
    close: async () => {
      await worker.close()
      await events.close()
      await queue.close()
      connection.disconnect()
    },
  })
}

async function storyloomQueue(prefix: string) {
  const name = 'ours'
  const queue = openBullmqQueue<WorkerJobResult>({ redisUrl, prefix, name })
  const source = new BullmqJobSource({ redisUrl, prefix, name })
  source.process(async () => noResult)
  const waiting = new Map<string, () => void>()
  // Keyed by a shot id known before the add, so no read is needed to catch an early settle.
  queue.onSettled((job: GenerationJob<WorkerJobResult>) => waiting.get(job.shotId)?.())
  let n = 0
  const run = async () => {
    const shotId = `shape:bench-${n++}`
    const settled = new Promise<void>((resolve) => waiting.set(shotId, resolve))
    const t0 = performance.now()
    await queue.add({ boardId: 'bench', shotId, requestedBy: 'bench', params: { prompt: 'x', seed: 1, steps: 1, guidance: 1, width: 64, height: 64 } }, { priority: 1 })
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

/** Preview latency through the real server in Redis mode: pub/sub → relay → throttle → SSE. */
async function previewLatency(prefix: string): Promise<void> {
  const server = await startGenerationServer({ redisUrl, redisPrefix: `${prefix}-app` })
  const boardId = createBoard(server.db)
  const client = connectClient(server.syncUrl, boardId)
  await client.synced()
  writeRecords(client, shotShape('shot', pagesOf(client.doc)[0]!.id))
  const stream = openBoardEvents(server.url, boardId)
  await stream.ready
  const signals = new BullmqJobSource({ redisUrl, prefix: `${prefix}-app` })
  try {
    // Preview latency: one queued job (no worker takes it), previews published as a worker does.
    const res = await server.generate(boardId, { shotIds: ['shape:shot'] })
    const { generations } = (await res.json()) as { generations: { id: string }[] }
    const jobId = generations[0]!.id
    const sentAt = new Map<number, number>()
    const latencies: number[] = []
    for (let step = 1; step <= PREVIEWS; step++) {
      sentAt.set(step, performance.now())
      signals.publishSignal({ type: 'preview', jobId, variationIndex: 0, step, totalSteps: PREVIEWS, mediaType: 'image/webp', data: 'UklGRg==', width: 8, height: 8, sentAt: Date.now() })
      await waitFor(() => stream.events.find((e) => e.type === 'preview' && e.step === step), { what: `preview ${step}` })
      latencies.push(performance.now() - sentAt.get(step)!)
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

async function deleteKeys(prefix: string): Promise<void> {
  const redis = new Redis(redisUrl)
  let cursor = '0'
  do {
    const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}*`, 'COUNT', 1000)
    if (keys.length > 0) await redis.del(...keys)
    cursor = next
  } while (cursor !== '0')
  redis.disconnect()
}
