import { afterEach, describe, expect, it } from 'vitest'
import { parseJobFailure } from '@storyloom/shared/generation/generationFailures'
import type { GenerationJobDataInput } from '@storyloom/shared/generation/jobs'
import { UnrecoverableJobError, type GenerationQueue, type JobHandler, type RetryOptions } from './generationQueue'

/** What the conformance suite needs from a backend. */
export interface QueueStore {
  /** Opens a queue on this store; opening again after `close()` must see the same jobs. */
  open(options: RetryOptions): Promise<GenerationQueue<TestResult>>
  /**
   * Writes a job straight into the store, as a damaged record or another version would have left
   * it (bypassing `add`'s validation), queued with priority 1; returns its id.
   */
  addRaw(data: unknown): Promise<string>
  /** Removes everything the store wrote (files, Redis keys). */
  destroy(): Promise<void>
}

export interface TestResult {
  jobId: string
  attempt: number
}

/**
 * Defines the behaviour every generation queue backend must have, as a vitest suite. `newStore`
 * gives each test its own isolated store.
 */
export function defineQueueConformance(newStore: () => Promise<QueueStore>): void {
  let cleanups: (() => Promise<void>)[] = []
  afterEach(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup()
    cleanups = []
  })

  /** A fresh store and a queue on it (retries immediate unless asked otherwise). */
  async function setUp(options: RetryOptions = {}) {
    const store = await newStore()
    cleanups.push(() => store.destroy())
    const open = async () => {
      const queue = await store.open({ retryDelayMs: 0, ...options })
      cleanups.push(() => queue.close())
      return queue
    }
    return { open, queue: await open(), store }
  }

  describe('generation queue conformance', () => {
    it('runs the lowest priority number first, then in order of arrival', async () => {
      const { queue } = await setUp()
      const added = []
      for (const [name, priority] of [['a', 5], ['b', 1], ['c', 5], ['d', 1], ['e', 3]] as const) {
        added.push({ name, job: await queue.add(jobData({ shotId: name }), { priority }) })
      }
      const ran: string[] = []
      queue.process(async (job) => {
        ran.push(job.shotId)
        return { jobId: job.id, attempt: job.attempts }
      })
      await waitFor(async () => (await queue.list('board-1')).every((job) => job.status === 'succeeded'))
      expect(ran).toEqual(['b', 'd', 'e', 'a', 'c'])
      const listed = await queue.list('board-1')
      expect(listed.map((job) => job.shotId)).toEqual(['a', 'b', 'c', 'd', 'e'])
      expect(listed.map((job) => job.result)).toEqual(added.map(({ job }) => ({ jobId: job.id, attempt: 1 })))
    })

    it('lists active jobs of every board in run order and reports settled jobs once', async () => {
      const { queue } = await setUp({ maxAttempts: 1 })
      const settled: string[] = []
      queue.onSettled((job) => settled.push(`${job.shotId}:${job.status}`))
      await queue.add(jobData({ shotId: 'late' }), { priority: 9 })
      await queue.add(jobData({ shotId: 'other-board', boardId: 'board-2' }), { priority: 1 })
      const active = await queue.listActive()
      expect(active.map((job) => job.shotId)).toEqual(['other-board', 'late'])
      queue.process(async (job) => {
        if (job.shotId === 'late') throw new UnrecoverableJobError('no model')
        return { jobId: job.id, attempt: job.attempts }
      })
      await waitFor(() => settled.length === 2)
      expect(settled.sort()).toEqual(['late:failed', 'other-board:succeeded'])
      expect(await queue.listActive()).toEqual([])
    })

    it('reports a job that settles right after onSettled is called, with its data and result', async () => {
      const { queue } = await setUp()
      queue.process(async (job) => ({ jobId: job.id, attempt: job.attempts }))
      const settled: { shotId: string; status: string; result?: TestResult }[] = []
      queue.onSettled((job) => settled.push({ shotId: job.shotId, status: job.status, ...(job.result ? { result: job.result } : {}) }))
      const job = await queue.add(jobData({ shotId: 'first' }), { priority: 1 })
      await waitFor(() => settled.length === 1)
      expect(settled).toEqual([{ shotId: 'first', status: 'succeeded', result: { jobId: job.id, attempt: 1 } }])
    })

    it('returns the same job for the same idempotency key', async () => {
      const { queue } = await setUp()
      const first = await queue.add(jobData(), { priority: 1, idempotencyKey: 'key-1' })
      const again = await queue.add(jobData({ shotId: 'other' }), { priority: 1, idempotencyKey: 'key-1' })
      const different = await queue.add(jobData(), { priority: 1, idempotencyKey: 'key-2' })
      expect(again.id).toBe(first.id)
      expect(again.shotId).toBe('shot-1')
      expect(different.id).not.toBe(first.id)
      expect((await queue.list('board-1')).map((job) => job.id)).toEqual([first.id, different.id])
      expect((await queue.getByIdempotencyKey('key-1'))?.id).toBe(first.id)
      expect(await queue.getByIdempotencyKey('key-3')).toBeUndefined()
    })

    it('lists only the board asked for and validates job data', async () => {
      const { queue } = await setUp()
      const mine = await queue.add(jobData(), { priority: 2 })
      await queue.add(jobData({ boardId: 'board-2' }), { priority: 2 })
      expect((await queue.list('board-1')).map((job) => job.id)).toEqual([mine.id])
      expect(await queue.get(mine.id)).toMatchObject({ status: 'queued', priority: 2, requestedBy: 'user-1', attempts: 0 })
      await expect(queue.add({ ...jobData(), params: { ...jobData().params, width: 100 } }, { priority: 1 })).rejects.toThrow()
      await expect(queue.add(jobData(), { priority: 0 })).rejects.toThrow()
    })

    it('cancels a queued job so it never runs', async () => {
      const { queue } = await setUp()
      const doomed = await queue.add(jobData({ shotId: 'doomed' }), { priority: 1 })
      const kept = await queue.add(jobData({ shotId: 'kept' }), { priority: 2 })
      expect(await queue.cancel(doomed.id)).toBe('canceled')
      expect((await queue.get(doomed.id))?.status).toBe('canceled')
      const ran: string[] = []
      queue.process(async (job) => {
        ran.push(job.shotId)
        return { jobId: job.id, attempt: job.attempts }
      })
      await waitFor(async () => (await queue.get(kept.id))?.status === 'succeeded')
      expect(ran).toEqual(['kept'])
      expect((await queue.get(doomed.id))?.status).toBe('canceled')
      expect(await queue.cancel(doomed.id)).toBe('already_finished')
      expect(await queue.cancel(kept.id)).toBe('already_finished')
      expect(await queue.cancel('no-such-job')).toBe('not_found')
    })

    it('keeps the reason a cancel gives (none without one), also once a worker has come to the job', async () => {
      const { queue } = await setUp()
      const explained = await queue.add(jobData({ shotId: 'explained' }), { priority: 1 })
      const plain = await queue.add(jobData({ shotId: 'plain' }), { priority: 2 })
      const kept = await queue.add(jobData({ shotId: 'kept' }), { priority: 3 })
      expect(await queue.cancel(explained.id, 'the shot was deleted')).toBe('canceled')
      expect(await queue.cancel(plain.id)).toBe('canceled')
      queue.process(async (job) => ({ jobId: job.id, attempt: job.attempts }))
      await waitFor(async () => (await queue.get(kept.id))?.status === 'succeeded')
      expect(await queue.get(explained.id)).toMatchObject({ status: 'canceled', canceledReason: 'the shot was deleted' })
      expect((await queue.list('board-1')).find((job) => job.id === explained.id)?.canceledReason).toBe('the shot was deleted')
      expect((await queue.get(plain.id))?.canceledReason).toBeUndefined()
    })

    it('keeps the reason of a cancel that lands once the job runs (a worker’s pick-up check), without retrying or settling it', async () => {
      const { queue } = await setUp({ maxAttempts: 3 })
      const settled: string[] = []
      queue.onSettled((job) => settled.push(job.shotId))
      let runs = 0
      queue.process(async (job, { signal }) => {
        runs++
        if (job.shotId === 'gone') {
          // What the server does when a worker asks whether it may run a job of a deleted board.
          expect(await queue.cancel(job.id, 'the board was deleted')).toBe('canceled')
          await new Promise<void>((resolve) => (signal.aborted ? resolve() : signal.addEventListener('abort', () => resolve(), { once: true })))
          throw new UnrecoverableJobError('the board was deleted')
        }
        return { jobId: job.id, attempt: job.attempts }
      })
      const gone = await queue.add(jobData({ shotId: 'gone' }), { priority: 1 })
      const next = await queue.add(jobData({ shotId: 'next' }), { priority: 2 })
      await waitFor(async () => (await queue.get(next.id))?.status === 'succeeded')
      expect(await queue.get(gone.id)).toMatchObject({ status: 'canceled', canceledReason: 'the board was deleted', attempts: 1 })
      expect((await queue.list('board-1')).find((job) => job.id === gone.id)).toMatchObject({ status: 'canceled', canceledReason: 'the board was deleted' })
      expect(runs).toBe(2)
      expect(settled).toEqual(['next'])
    })

    it('aborts a running job between steps and does not retry it', async () => {
      const { queue } = await setUp({ maxAttempts: 3 })
      let runs = 0
      let stepsAfterAbort = 0
      let sawAbort = false
      queue.process(async (job, { signal, reportProgress }) => {
        runs++
        if (job.shotId === 'quick') return { jobId: job.id, attempt: job.attempts }
        for (let step = 0; step < 10_000; step++) {
          if (signal.aborted) {
            sawAbort = true
            throw new Error('stopped between steps')
          }
          await reportProgress(step / 10_000)
          await nextStep()
        }
        stepsAfterAbort++
        return { jobId: job.id, attempt: job.attempts }
      })
      const job = await queue.add(jobData(), { priority: 1 })
      await waitFor(async () => (await queue.get(job.id))?.status === 'running')
      expect(await queue.cancel(job.id)).toBe('canceled')
      await waitFor(() => sawAbort)
      await waitFor(async () => (await queue.get(job.id))?.status === 'canceled')
      // The next job runs, so the canceled one is truly done, and it never ran again.
      const quick = await queue.add(jobData({ shotId: 'quick' }), { priority: 1 })
      await waitFor(async () => (await queue.get(quick.id))?.status === 'succeeded')
      expect(runs).toBe(2)
      expect(stepsAfterAbort).toBe(0)
      expect((await queue.get(job.id))?.status).toBe('canceled')
      expect(await queue.cancel(job.id)).toBe('already_finished')
    })

    it('fails a job with the reason an unrecoverable error gives, without retrying', async () => {
      const { queue } = await setUp({ maxAttempts: 3 })
      let runs = 0
      queue.process(async () => {
        runs++
        throw new UnrecoverableJobError('unknown model "nope"')
      })
      const job = await queue.add(jobData(), { priority: 1 })
      await waitFor(async () => (await queue.get(job.id))?.status === 'failed')
      expect(await queue.get(job.id)).toMatchObject({ status: 'failed', error: 'unknown model "nope"', attempts: 1 })
      expect(runs).toBe(1)
    })

    it('fails a job whose stored data is invalid with a typed failure, without running or retrying it', async () => {
      const { queue, store } = await setUp({ maxAttempts: 3 })
      let runs = 0
      queue.process(async (job) => {
        runs++
        return { jobId: job.id, attempt: job.attempts }
      })
      const id = await store.addRaw({ boardId: 'board-1', shotId: 'shot-1', requestedBy: 'user-1', params: { prompt: 42 } })
      await waitFor(async () => (await queue.get(id))?.status === 'failed')
      const failed = await queue.get(id)
      expect(parseJobFailure(failed?.error)).toMatchObject({ code: 'job_unreadable', detail: expect.stringMatching(/^invalid job data/) })
      expect(failed?.attempts).toBe(1)
      // The queue goes on with the next job.
      const next = await queue.add(jobData(), { priority: 1 })
      await waitFor(async () => (await queue.get(next.id))?.status === 'succeeded')
      expect(runs).toBe(1)
    })

    it('keeps the reference use a job recorded when it fails afterwards', async () => {
      const { queue } = await setUp({ maxAttempts: 3 })
      const referenceUse = [{ index: 0, role: 'prop' as const, use: 'image-prompt' as const, weight: 0.4 }]
      queue.process(async (_job, { recordReferenceUse }) => {
        await recordReferenceUse(referenceUse)
        throw new UnrecoverableJobError('the prop reference is too large')
      })
      const job = await queue.add(jobData(), { priority: 1 })
      await waitFor(async () => (await queue.get(job.id))?.status === 'failed')
      const failed = await queue.get(job.id)
      expect(failed).toMatchObject({ status: 'failed', params: { prompt: 'a lighthouse at dusk', referenceUse } })
      expect((await queue.list('board-1'))[0]?.params.referenceUse).toEqual(referenceUse)
    })

    it('retries a transient failure once more and records one result', async () => {
      const { queue } = await setUp({ maxAttempts: 3 })
      const results: TestResult[] = []
      const handler: JobHandler<TestResult> = async (job) => {
        if (job.attempts === 1) throw new Error('GPU hiccup')
        const result = { jobId: job.id, attempt: job.attempts }
        results.push(result)
        return result
      }
      queue.process(handler)
      const job = await queue.add(jobData(), { priority: 1 })
      await waitFor(async () => (await queue.get(job.id))?.status === 'succeeded')
      expect(await queue.get(job.id)).toMatchObject({ attempts: 2, result: { jobId: job.id, attempt: 2 } })
      expect(results).toEqual([{ jobId: job.id, attempt: 2 }])
    })

    it('gives up on a transient failure after the maximum attempts', async () => {
      const { queue } = await setUp({ maxAttempts: 2 })
      let runs = 0
      queue.process(async (job) => {
        runs++
        throw new Error(`out of memory on attempt ${job.attempts}`)
      })
      const job = await queue.add(jobData(), { priority: 1 })
      await waitFor(async () => (await queue.get(job.id))?.status === 'failed')
      expect(await queue.get(job.id)).toMatchObject({ error: 'out of memory on attempt 2', attempts: 2 })
      expect(runs).toBe(2)
    })

    it('keeps queued jobs across a restart and runs them', async () => {
      const { open, queue: before } = await setUp()
      const first = await before.add(jobData({ shotId: 'first' }), { priority: 1, idempotencyKey: 'restart' })
      const second = await before.add(jobData({ shotId: 'second' }), { priority: 1 })
      await before.close()
      const after = await open()
      expect((await after.list('board-1')).map((job) => [job.id, job.status])).toEqual([
        [first.id, 'queued'],
        [second.id, 'queued'],
      ])
      expect((await after.add(jobData(), { priority: 1, idempotencyKey: 'restart' })).id).toBe(first.id)
      const ran: string[] = []
      after.process(async (job) => {
        ran.push(job.shotId)
        return { jobId: job.id, attempt: job.attempts }
      })
      await waitFor(async () => (await after.list('board-1')).every((job) => job.status === 'succeeded'))
      expect(ran).toEqual(['first', 'second'])
    })
  })
}

/** A valid job for board-1; `overrides` replace top-level fields. */
export function jobData(overrides: Partial<Omit<GenerationJobDataInput, 'params'>> = {}): GenerationJobDataInput {
  return {
    boardId: 'board-1',
    shotId: 'shot-1',
    requestedBy: 'user-1',
    params: { prompt: 'a lighthouse at dusk', seed: 42, steps: 2, guidance: 1, width: 512, height: 288, modelId: 'storyloom-tiny' },
    ...overrides,
  }
}

/** Polls `condition` until it holds; fails the test after `timeoutMs`. */
export async function waitFor(condition: () => boolean | Promise<boolean>, timeoutMs = 5000): Promise<void> {
  const deadline = Date.now() + timeoutMs
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error(`condition not met within ${timeoutMs} ms: ${condition.toString()}`)
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
}

/** Yields to the event loop, like a denoising step finishing. */
function nextStep(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 1))
}
