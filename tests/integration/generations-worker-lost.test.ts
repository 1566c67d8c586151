import { randomUUID } from 'node:crypto'
import { afterEach, describe, expect, it } from 'vitest'
import type { BoardEventOf } from '@storyloom/shared/events/boardEvents'
import { createGenerationsResponseSchema, generationListResponseSchema, generationViewSchema, modelListResponseSchema, type GenerationView } from '@storyloom/shared/generation/api'
import { WORKER_HEARTBEAT_MS } from '@storyloom/shared/generation/workerApi'
import { redisForTests, testRedisUrl as redisUrl } from '@storyloom/server/queue/testRedis'
import { sharedModelsDir } from '../support/generationServer'
import { useGenerationTestServer } from '../support/generationTestServer'
import { freePort } from '../support/freePort'
import { waitFor } from '../support/waitFor'
import { spawnWorker, testWorkerEnv, type WorkerProcess } from '../support/workerProcess'

// Its own server: the worker counts it asserts start at zero (other files' killed workers would
// linger in the registry until they expire). Its tests run in order, the cleanest first.
const redisUp = await redisForTests('the lost-worker tests on BullMQ')
const prefix = `storyloom-test-${randomUUID()}`
const t = useGenerationTestServer({ config: { redisUrl, redisPrefix: prefix }, enabled: redisUp })
const workers: WorkerProcess[] = []

function startWorker(): Promise<WorkerProcess> {
  return spawnWorker({
    // Slow steps keep the job running; the lock outlives the 8 s it takes to find a worker lost.
    ...testWorkerEnv({ redisUrl, prefix, serverUrl: t.server.url, workerToken: t.server.generation.workerToken, modelsDir: sharedModelsDir, lockMs: 15_000 }),
    STORYLOOM_TEST_STEP_DELAY_MS: '300',
  }).then((worker) => {
    workers.push(worker)
    return worker
  })
}

afterEach(async () => {
  for (const worker of workers.splice(0)) await worker.kill('SIGKILL')
})

/** The generation as a client that opens the board now loads it. */
async function listed(boardId: string): Promise<GenerationView> {
  const { generations } = generationListResponseSchema.parse(await (await fetch(`${t.server.url}/api/boards/${boardId}/generations`)).json())
  expect(generations).toHaveLength(1)
  return generations[0]!
}

/** A board's live worker counts (`workers_changed`), once one new worker has joined them. */
async function oneWorkerJoined(): Promise<{ worker: WorkerProcess; counts: () => BoardEventOf<'workers_changed'>[] }> {
  const { boardId } = await t.boardWithShot()
  const stream = t.events(boardId)
  await stream.ready
  const counts = () => stream.events.filter((e): e is BoardEventOf<'workers_changed'> => e.type === 'workers_changed')
  const worker = await startWorker()
  await waitFor(() => counts().length === 1, { timeoutMs: 5_000, what: 'the worker to join' })
  return { worker, counts }
}

describe.skipIf(!redisUp)('a worker lost mid-job, as clients see it', { timeout: 180_000 }, () => {
  // First: the lost-worker test leaves a killed worker and its job behind in this server.
  it('a worker stopped with SIGTERM leaves the count at once, not when its heartbeats expire', async () => {
    const { worker, counts } = await oneWorkerJoined()
    const stoppedAt = Date.now()
    await worker.kill('SIGTERM')
    const left = await waitFor(() => counts()[1], { timeoutMs: 20_000, what: 'the worker to leave the count' })
    expect(counts().map((e) => e.workers)).toEqual([1, 0])
    // Its heartbeats would expire only 30 s after the last one.
    expect(left.at - stoppedAt).toBeLessThan(5_000)
  })

  it('an idle worker killed with -9 leaves the count as soon as Redis drops its connection, not when its heartbeats expire', async () => {
    const { worker, counts } = await oneWorkerJoined()
    // Killed before the server's once-a-second look at Redis saw it, it would wait for its heartbeats to expire.
    const workerId = /storyloom worker: (\S+) is taking jobs/u.exec(worker.output())![1]!
    await waitFor(() => t.server.generation.presence?.watches(workerId), { timeoutMs: 5_000, what: "the server to see the worker's connection" })
    await worker.kill('SIGKILL')
    // Well before its next heartbeat would even be due (10 s), let alone the three it must miss.
    await waitFor(() => counts()[1], { timeoutMs: WORKER_HEARTBEAT_MS / 2, what: 'the killed worker to leave the count' })
    expect(counts().map((e) => e.workers)).toEqual([1, 0])
    expect(modelListResponseSchema.parse(await (await fetch(`${t.server.url}/api/models`)).json()).workers).toBe(0)
  })

  it('a worker is watched from its first heartbeat: killed the moment it is counted, it would not stay counted 30 s', async () => {
    const { generation } = t.server
    // Registered after the server's own listener: it sees what the server made of each beat.
    const watchedAtFirstBeat = new Map<string, boolean>()
    const stopListening = generation.workers.onHeartbeat((beat) => {
      if (!watchedAtFirstBeat.has(beat.workerId)) watchedAtFirstBeat.set(beat.workerId, generation.presence?.watches(beat.workerId) ?? false)
    })
    try {
      const before = generation.workers.count()
      const worker = await startWorker()
      const workerId = /storyloom worker: (\S+) is taking jobs/u.exec(worker.output())![1]!
      // Its first heartbeat used to come before its queue connection: killed in between, only
      // the heartbeat expiry (30 s) took it out of the count.
      expect(watchedAtFirstBeat.get(workerId)).toBe(true)
      await worker.kill('SIGTERM')
      await waitFor(() => generation.workers.count() === before, { timeoutMs: 10_000, what: 'the worker to leave the count' })
    } finally {
      stopListening()
    }
  })

  it('a worker that cannot reach Redis is not counted: killed while it waits, it leaves nothing to wait for', async () => {
    const before = t.server.generation.workers.count()
    const worker = await spawnWorker(
      { ...testWorkerEnv({ redisUrl, prefix, serverUrl: t.server.url, workerToken: t.server.generation.workerToken, modelsDir: sharedModelsDir, lockMs: 15_000 }), REDIS_URL: `redis://127.0.0.1:${await freePort()}` },
      { until: 'waiting for Redis' },
    )
    workers.push(worker)
    // It can take no job: boards must not count it, nor keep counting it for 30 s once it dies.
    expect(t.server.generation.workers.count()).toBe(before)
    await worker.kill('SIGKILL')
    expect(t.server.generation.workers.count()).toBe(before)
  })

  it('a client that loads the board while the job waits for another worker gets the lost notice, until the job moves again; every board hears the worker count change', async () => {
    const { boardId, shotId } = await t.boardWithShot()
    const early = t.events(boardId)
    await early.ready
    const counts = () => early.events.filter((e): e is BoardEventOf<'workers_changed'> => e.type === 'workers_changed').map((e) => e.workers)

    await Promise.all([startWorker(), startWorker()])
    await waitFor(() => counts().at(-1) === 2, { timeoutMs: 5_000, what: 'workers_changed to count both workers as they joined' })
    expect(counts()).toEqual([1, 2])

    const [created] = createGenerationsResponseSchema.parse(await (await t.server.generate(boardId, { shotIds: [shotId], steps: 40 })).json()).generations
    await waitFor(() => early.events.some((e) => e.type === 'progress'), { timeoutMs: 60_000, what: 'the job to run' })
    const doomed = workers.find((w) => w.output().includes(`took generation ${created!.id} `))!
    await doomed.kill('SIGKILL')

    const lost = await waitFor(() => early.events.find((e): e is BoardEventOf<'worker_lost'> => e.type === 'worker_lost'), { timeoutMs: 20_000, what: 'worker_lost' })
    // The lost worker no longer counts, at once rather than when its heartbeats expire.
    await waitFor(() => counts().at(-1) === 1, { timeoutMs: 2_000, what: 'workers_changed to drop the lost worker' })
    expect(modelListResponseSchema.parse(await (await fetch(`${t.server.url}/api/models`)).json()).workers).toBe(1)

    // A browser opening the board now: the list, and the generation itself, carry the notice.
    const late = t.events(boardId)
    await late.ready
    expect(await listed(boardId)).toMatchObject({ status: 'running', workerLostAt: lost.at })
    expect(generationViewSchema.parse(await (await fetch(`${t.server.url}${created!.statusUrl}`)).json()).workerLostAt).toBe(lost.at)

    // The other worker takes it once the lock expires: the notice goes for late clients too.
    await waitFor(() => late.events.some((e) => e.type === 'started'), { timeoutMs: 60_000, what: 'the other worker to take the job' })
    const resumed = await listed(boardId)
    expect(resumed.status).toBe('running')
    expect(resumed.workerLostAt).toBeUndefined()
  })

  // Last: it restarts the file's server.
  it('after a server restart, a client opening the board learns which running generation no live worker holds, until another worker takes it over', async () => {
    const [one, two] = [await t.boardWithShot(), await t.boardWithShot()]
    const before = [t.events(one.boardId), t.events(two.boardId)]
    await Promise.all(before.map((stream) => stream.ready))
    await Promise.all([startWorker(), startWorker()])
    const generate = async ({ boardId, shotId }: { boardId: string; shotId: string }) =>
      createGenerationsResponseSchema.parse(await (await t.server.generate(boardId, { shotIds: [shotId], steps: 60 })).json()).generations[0]!
    const [orphaned, kept] = [await generate(one), await generate(two)]
    await waitFor(() => before.every((stream) => stream.events.some((e) => e.type === 'progress')), { timeoutMs: 60_000, what: 'both jobs to run' })
    const doomed = workers.find((w) => w.output().includes(`took generation ${orphaned.id} `))!
    await doomed.kill('SIGKILL')
    await t.restart()

    // The restarted server heard no worker_lost and no heartbeat of the killed worker.
    const lostAt = await waitFor(async () => (await listed(one.boardId)).workerLostAt, { timeoutMs: 10_000, what: 'the list to say the worker stopped responding' })
    expect(generationViewSchema.parse(await (await fetch(`${t.server.url}${orphaned.statusUrl}`)).json())).toMatchObject({ status: 'running', workerLostAt: lostAt })
    // Found in the same look at Redis: the other job's worker is alive, its job shows no notice.
    const alive = await listed(two.boardId)
    expect(alive.status).toBe('running')
    expect(alive.workerLostAt).toBeUndefined()

    // The live worker finishes its job, then takes the orphan once its lock expires: the notice goes.
    const after = t.events(one.boardId)
    await after.ready
    await waitFor(() => after.events.some((e) => e.type === 'started'), { timeoutMs: 90_000, what: 'the other worker to take the job over' })
    expect((await listed(one.boardId)).workerLostAt).toBeUndefined()
    expect((await listed(two.boardId)).status).toBe('succeeded')
  })
})
