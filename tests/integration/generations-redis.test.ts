import { randomUUID } from 'node:crypto'
import { request as httpRequest, createServer as createHttpServer } from 'node:http'
import { createServer, connect, type AddressInfo, type Server } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { createGenerationsResponseSchema, generationViewSchema } from '@storyloom/shared/generation/api'
import type { ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { shotVersions } from '@storyloom/server/db/schema'
import { eq } from 'drizzle-orm'
import { pngClaiming } from '@storyloom/gpu-worker/testing/imageFixtures'
import { sharedModelsDir } from '../support/generationServer'
import { useGenerationTestServer } from '../support/generationTestServer'
import { waitFor } from '../support/syncClient'
import { spawnWorker, testWorkerEnv, type WorkerProcess } from '../support/workerProcess'
import { redisForTests, testRedisUrl as redisUrl } from '@storyloom/server/queue/testRedis'
import { freePort } from '../support/freePort'

// Skipped with a warning when Redis does not answer; under CI that fails the file instead.
const redisUp = await redisForTests('the generation tests on BullMQ')

const prefix = `storyloom-test-${randomUUID()}`
const t = useGenerationTestServer({ config: { redisUrl, redisPrefix: prefix }, enabled: redisUp })
const workers: WorkerProcess[] = []

async function startWorker(extra: Record<string, string> = {}, via: 'node' | 'pnpm' = 'node', until?: string) {
  const worker = await spawnWorker({
    ...testWorkerEnv({ redisUrl, prefix, serverUrl: t.server.url, workerToken: t.server.generation.workerToken, modelsDir: sharedModelsDir, lockMs: 2000 }),
    ...extra,
  }, { via, ...(until ? { until } : {}) })
  workers.push(worker)
  return worker
}

afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.kill('SIGKILL')
})

/** Forwards TCP connections on `port` to the test server: the server "comes up" at that address. */
async function forwardToServer(port: number): Promise<Server> {
  const target = new URL(t.server.url)
  const proxy = createServer((socket) => {
    const upstream = connect(Number(target.port), target.hostname)
    socket.pipe(upstream).pipe(socket)
    socket.on('error', () => upstream.destroy())
    upstream.on('error', () => socket.destroy())
  })
  await new Promise<void>((resolve) => proxy.listen(port, '127.0.0.1', resolve))
  return proxy
}

/**
 * An HTTP proxy to the test server on a free port; once `rotate()` is called it sends another
 * token in place of the worker's, as if the server's token had been changed under the worker.
 */
async function tokenRotatingProxy(): Promise<{ url: string; rotate(): void; close(): void }> {
  const target = new URL(t.server.url)
  let rotated = false
  const proxy = createHttpServer((req, res) => {
    const headers = { ...req.headers, ...(rotated ? { authorization: `Bearer ${'rotated-'.repeat(6)}` } : {}) }
    const upstream = httpRequest({ host: target.hostname, port: target.port, path: req.url, method: req.method, headers }, (answer) => {
      res.writeHead(answer.statusCode ?? 502, answer.headers)
      answer.pipe(res)
    })
    upstream.on('error', () => res.destroy())
    req.pipe(upstream)
  })
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve))
  const { port } = proxy.address() as AddressInfo
  return { url: `http://127.0.0.1:${port}`, rotate: () => (rotated = true), close: () => proxy.close() }
}

async function generationStatus(statusUrl: string): Promise<string> {
  return generationViewSchema.parse(await (await fetch(`${t.server.url}${statusUrl}`)).json()).status
}

// Worker processes start (tsx, onnxruntime, model warm-up) slowly on a loaded machine.
describe.skipIf(!redisUp)('generations through BullMQ with separate worker processes', { timeout: 180_000 }, () => {
  it('generates: previews travel over Redis pub/sub and the image lands in the doc', async () => {
    // Steps slowed to 100 ms: 3 of them end ≥ 300 ms after step 1, so step 1 gets a preview (PreviewSchedule).
    const worker = await startWorker({ STORYLOOM_TEST_STEP_DELAY_MS: '100' })
    // Its start line says where it takes jobs and which server it works for, never the token.
    expect(worker.output()).toMatch(new RegExp(`is taking jobs from \\S+ for the server at ${t.server.url.replace(/[.]/gu, '\\.')} \\(models: `, 'u'))
    expect(worker.output()).not.toContain(t.server.generation.workerToken)
    const { boardId, client, shotId } = await t.boardWithShot()
    const stream = t.events(boardId)
    await stream.ready
    const res = await t.server.generate(boardId, { shotIds: [shotId], steps: 3 })
    expect(res.status).toBe(202)
    await waitFor(() => stream.events.some((e) => e.type === 'succeeded' || e.type === 'failed'), { timeoutMs: 60_000, what: 'the generation to finish' })
    stream.close()
    const types = stream.events.map((e) => e.type)
    for (const type of ['queued', 'started', 'progress', 'preview', 'succeeded'] as const) expect(types).toContain(type)
    await waitFor(() => (readRecord(client.doc, shotId) as { props: ShotShapeProps } | undefined)?.props.media, { what: 'the shot media' })
  })

  it('a worker killed with -9 mid-job: another worker completes the job, exactly once', async () => {
    const doomed = await startWorker({ STORYLOOM_TEST_STEP_DELAY_MS: '300' })
    const { boardId, shotId } = await t.boardWithShot()
    const stream = t.events(boardId)
    await stream.ready
    const [created] = createGenerationsResponseSchema.parse(await (await t.server.generate(boardId, { shotIds: [shotId], steps: 8, variations: 2 })).json()).generations
    // Killed after committing the first take, in the middle of the second: the retry makes only the second.
    await waitFor(() => stream.events.some((e) => e.type === 'progress' && e.variationIndex === 1), { timeoutMs: 60_000, what: 'the first worker to reach the second take' })
    await doomed.kill('SIGKILL')
    await startWorker()
    await waitFor(() => stream.events.some((e) => e.type === 'succeeded' || e.type === 'failed'), { timeoutMs: 60_000, what: 'the job to be taken over' })
    stream.close()
    const view = generationViewSchema.parse(await (await fetch(`${t.server.url}${created!.statusUrl}`)).json())
    expect(view.status).toBe('succeeded')
    expect(view.attempts).toBe(2)
    const versions = t.server.db.select().from(shotVersions).where(eq(shotVersions.jobId, created!.id)).all()
    expect(versions.map((v) => v.variationIndex).sort()).toEqual([0, 1])
    expect(view.results.map((r) => r.versionId).sort()).toEqual(versions.map((v) => v.id).sort())
    expect(stream.events.filter((e) => e.type === 'succeeded')).toHaveLength(1)
    const retried = stream.events.findIndex((e) => e.type === 'started' && e.attempt === 2)
    expect(retried).toBeGreaterThan(0)
    const retriedTakes = stream.events.slice(retried).flatMap((e) => (e.type === 'progress' ? [e.variationIndex] : []))
    expect(new Set(retriedTakes)).toEqual(new Set([1]))
  })

  it('a job that fails on a reference records how the worker was to use each one', async () => {
    await startWorker()
    const board = await t.boardWithShot()
    await t.pinReference(board, { bytes: new Uint8Array(await pngClaiming(20_000, 20_000)), type: 'image/png', role: 'prop' })
    const failed = await t.generateAndWait(board.boardId, { shotIds: [board.shotId] })
    expect(failed).toMatchObject({ status: 'failed', error: { code: 'reference_too_large', message: expect.stringMatching(/^The prop reference picture is too large/u) } })
    expect(failed.referenceUse).toEqual([{ index: 0, role: 'prop', use: 'image-prompt', weight: 0.4 }])
  })

  // Through pnpm, as the README starts it. A process manager signals pnpm, which must pass the
  // signal on and wait (until 2026-12-01 it exited at once and left the worker running); a
  // Ctrl-C reaches the worker from the terminal and again from pnpm, which must not abort the job.
  it.each([
    ['a SIGTERM to `pnpm worker`', 'SIGTERM', (pnpm: WorkerProcess) => pnpm.process.kill('SIGTERM')],
    ['Ctrl-C on `pnpm worker` (SIGINT to its process group)', 'SIGINT', (pnpm: WorkerProcess) => process.kill(-pnpm.process.pid!, 'SIGINT')],
  ])('%s lets the current job finish before the worker exits', async (_, signal, stop) => {
    const worker = await startWorker({ STORYLOOM_TEST_STEP_DELAY_MS: '200' }, 'pnpm')
    const { boardId, shotId } = await t.boardWithShot()
    const stream = t.events(boardId)
    await stream.ready
    const [created] = createGenerationsResponseSchema.parse(await (await t.server.generate(boardId, { shotIds: [shotId], steps: 6 })).json()).generations
    await waitFor(() => stream.events.some((e) => e.type === 'progress'), { timeoutMs: 60_000, what: 'the worker to start' })
    const exit = new Promise<number | null>((resolve) => worker.process.once('exit', (code) => resolve(code)))
    stop(worker)
    expect(await exit).toBe(0)
    stream.close()
    const view = generationViewSchema.parse(await (await fetch(`${t.server.url}${created!.statusUrl}`)).json())
    expect(view).toMatchObject({ status: 'succeeded', attempts: 1 })
    expect(worker.output()).toContain(`${signal}, finishing the current job`)
    expect(worker.output()).toContain('storyloom worker: stopped')
  })

  it('a worker with the wrong token stops at start, saying which token, and takes no job', async () => {
    const { boardId, shotId } = await t.boardWithShot()
    const [created] = createGenerationsResponseSchema.parse(await (await t.server.generate(boardId, { shotIds: [shotId], steps: 2 })).json()).generations
    const started = startWorker({ STORYLOOM_WORKER_TOKEN: 'not-the-servers-token' })
    await expect(started).rejects.toThrow(/worker exited \(2\)[\s\S]*refused this worker's token[\s\S]*STORYLOOM_WORKER_TOKEN/u)
    expect(await generationStatus(created!.statusUrl)).toBe('queued')
  })

  it('a worker whose token the server stops accepting gives its job back and exits 2, saying which token', async () => {
    const proxy = await tokenRotatingProxy()
    try {
      const worker = await startWorker({ STORYLOOM_SERVER_URL: proxy.url, STORYLOOM_TEST_STEP_DELAY_MS: '300' })
      const exit = new Promise<number | null>((resolve) => worker.process.once('exit', (code) => resolve(code)))
      const { boardId, shotId } = await t.boardWithShot()
      const stream = t.events(boardId)
      await stream.ready
      const [created] = createGenerationsResponseSchema.parse(await (await t.server.generate(boardId, { shotIds: [shotId], steps: 20 })).json()).generations
      await waitFor(() => stream.events.some((e) => e.type === 'progress'), { timeoutMs: 60_000, what: 'the worker to start the job' })
      proxy.rotate()
      expect(await exit).toBe(2)
      stream.close()
      expect(worker.output()).toMatch(/no longer accepts this worker's token[\s\S]*STORYLOOM_WORKER_TOKEN/u)
      // Not failed: back in the queue, where a worker with the right token finishes it.
      expect(await generationStatus(created!.statusUrl)).toBe('queued')
      await startWorker()
      await waitFor(async () => (await generationStatus(created!.statusUrl)) === 'succeeded', { timeoutMs: 60_000, intervalMs: 200, what: 'another worker to finish the job' })
    } finally {
      proxy.close()
    }
  })

  it('a worker watching another Redis key prefix than the server stops at start, naming both, and takes no job', async () => {
    const { boardId, shotId } = await t.boardWithShot()
    const [created] = createGenerationsResponseSchema.parse(await (await t.server.generate(boardId, { shotIds: [shotId], steps: 2 })).json()).generations
    const started = startWorker({ STORYLOOM_REDIS_PREFIX: 'not-the-servers-prefix' })
    await expect(started).rejects.toThrow(/worker exited \(2\)[\s\S]*"not-the-servers-prefix"[\s\S]*STORYLOOM_REDIS_PREFIX/u)
    expect(await generationStatus(created!.statusUrl)).toBe('queued')
  })

  it('a worker that cannot reach the server waits for it before taking jobs, then takes them', async () => {
    const port = await freePort()
    const { boardId, shotId } = await t.boardWithShot()
    const [created] = createGenerationsResponseSchema.parse(await (await t.server.generate(boardId, { shotIds: [shotId], steps: 2 })).json()).generations
    const worker = await startWorker({ STORYLOOM_SERVER_URL: `http://127.0.0.1:${port}` }, 'node', 'waiting for it')
    expect(worker.output()).toMatch(new RegExp(`cannot reach the server at http://127\\.0\\.0\\.1:${port} \\(connection refused\\)`, 'u'))
    expect(worker.output()).not.toContain('took generation')
    expect(await generationStatus(created!.statusUrl)).toBe('queued')
    const proxy = await forwardToServer(port)
    try {
      await waitFor(async () => (await generationStatus(created!.statusUrl)) === 'succeeded', { timeoutMs: 60_000, intervalMs: 200, what: 'the worker to take the job once the server answers' })
      expect(worker.output()).toContain('is taking jobs')
    } finally {
      proxy.close()
    }
  })
})
