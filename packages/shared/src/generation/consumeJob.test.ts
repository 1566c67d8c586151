import { describe, expect, it } from 'vitest'
import { consumeJob, type ConsumedJob } from './consumeJob'
import { parseJobFailure } from './generationFailures'
import { ConsumerCancels } from './jobCancels'
import { canceledReason, UnrecoverableJobError } from './jobSource'
import type { GenerationJobData } from './jobs'

/** Stands in for BullMQ's `UnrecoverableError`. */
class NoRetry extends Error {}

const data = {
  boardId: 'board-a',
  shotId: 'shape:one',
  requestedBy: 'u1',
  params: { prompt: 'a lighthouse', seed: 1, steps: 4, guidance: 7, width: 64, height: 64 },
}

function fakeJob(id: string, jobData: unknown = data) {
  const job = {
    id,
    data: jobData,
    progress: [] as number[],
    updateData: async (next: GenerationJobData) => void (job.data = next),
    updateProgress: async (progress: number) => void job.progress.push(progress),
  }
  return job satisfies ConsumedJob
}

function consumer() {
  return new ConsumerCancels((error) => {
    throw error
  })
}

describe('consumeJob', () => {
  it('runs the job with its validated data, clamped progress and reference use recorded on the job', async () => {
    const job = fakeJob('j1')
    const result = await consumeJob(job, consumer(), NoRetry, async (parsed, ctx) => {
      await ctx.reportProgress(1.5)
      await ctx.recordReferenceUse([])
      return parsed.params.negativePrompt
    })
    expect(result).toBe('')
    expect(job.progress).toEqual([1])
    expect(job.data).toMatchObject({ params: { referenceUse: [] } })
  })

  it('fails a job whose cancel came first without running it', async () => {
    const cancels = consumer()
    cancels.cancel('j1')
    let ran = false
    await expect(consumeJob(fakeJob('j1'), cancels, NoRetry, async () => (ran = true))).rejects.toEqual(new NoRetry(canceledReason))
    expect(ran).toBe(false)
  })

  it('makes bad data and handler refusals unrecoverable, and leaves other errors retryable', async () => {
    const cancels = consumer()
    const logged: string[] = []
    const bad = consumeJob(fakeJob('j1', { boardId: 'board-a' }), cancels, NoRetry, async () => 'ran', (line) => logged.push(line))
    await expect(bad).rejects.toThrow(NoRetry)
    await expect(bad.catch((e: Error) => parseJobFailure(e.message))).resolves.toMatchObject({ code: 'job_unreadable', detail: expect.stringMatching(/^invalid job data/) })
    // The schema's complaint goes to the consumer's log too, where whoever runs it reads it.
    expect(logged).toEqual([expect.stringMatching(/^storyloom: generation j1 failed \(job_unreadable\).*invalid job data/)])
    const refused = consumeJob(fakeJob('j2'), cancels, NoRetry, async () => {
      throw new UnrecoverableJobError('model cannot load')
    })
    await expect(refused).rejects.toEqual(new NoRetry('model cannot load'))
    const transient = new Error('GPU busy')
    await expect(consumeJob(fakeJob('j3'), cancels, NoRetry, async () => Promise.reject(transient))).rejects.toBe(transient)
  })

  it('fails a job canceled while it ran as canceled, whatever the handler did after', async () => {
    const cancels = consumer()
    const succeeded = consumeJob(fakeJob('j1'), cancels, NoRetry, async () => {
      cancels.cancel('j1')
      return 'done anyway'
    })
    await expect(succeeded).rejects.toEqual(new NoRetry(canceledReason))
    const threw = consumeJob(fakeJob('j2'), cancels, NoRetry, async (_, { signal }) => {
      cancels.cancel('j2')
      throw new Error(`stopped, aborted: ${signal.aborted}`)
    })
    await expect(threw).rejects.toEqual(new NoRetry(canceledReason))
  })
})
