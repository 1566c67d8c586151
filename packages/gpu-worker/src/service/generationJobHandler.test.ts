import { describe, expect, it } from 'vitest'
import type { GenerationJob } from '@storyloom/shared/generation/jobs'
import type { JobContext } from '@storyloom/shared/generation/jobSource'
import { UnrecoverableJobError } from '@storyloom/shared/generation/jobSource'
import type { WorkerClaimResponse, WorkerJobResult, WorkerResultCommit, WorkerSignal } from '@storyloom/shared/generation/workerApi'
import { InferenceProcessCrashedError } from '../errors'
import { createGenerationJobHandler } from './generationJobHandler'
import type { ModelPool } from './modelPool'
import type { ServerClient } from './serverClient'

const model = { id: 'tiny', name: 'Tiny', builtIn: true, supportsImagePrompts: false, supportsImageToImage: false }
const hash = (n: number) => n.toString(16).padStart(64, '0')

/** A handler on a stand-in model and server: which seeds it renders, which takes it commits. */
function harness(recorded: WorkerJobResult['results'] = [], claim: WorkerClaimResponse = { run: true }, crashes = 0) {
  const rendered: number[] = []
  const published: WorkerSignal[] = []
  const loaded: string[] = []
  const committed: WorkerResultCommit[] = []
  let uploads = 0
  const models = {
    get: async () => {
      loaded.push(model.id)
      return {
        model,
        generate: async (input: { seed: number; width: number; height: number }) => {
          if (crashes-- > 0) throw new InferenceProcessCrashedError('the inference process of Tiny exited (code null)')
          rendered.push(input.seed)
          return { image: { width: input.width, height: input.height, data: new Uint8Array(input.width * input.height * 3) } }
        },
      }
    },
  } as unknown as ModelPool
  const server = {
    claim: async () => claim,
    recordedTakes: async () => recorded,
    uploadAsset: async () => ({ assetId: hash(++uploads), url: '/x' }),
    commitResult: async (_jobId: string, commit: WorkerResultCommit) => {
      committed.push(commit)
      return { versionId: `v${commit.variationIndex}`, created: true }
    },
  } as unknown as ServerClient
  const handler = createGenerationJobHandler({ models, server, publish: (signal) => published.push(signal), log: () => {} })
  return { handler, rendered, committed, loaded, published }
}

function job(params: Record<string, unknown>, attempts = 1): GenerationJob<WorkerJobResult> {
  return {
    id: 'job1', boardId: 'b', shotId: 'shape:s', requestedBy: 'u', priority: 1, status: 'running', attempts, progress: 0, createdAt: 0,
    params: { prompt: 'a lighthouse', seed: 10, steps: 1, guidance: 1, width: 64, height: 64, ...params },
  } as GenerationJob<WorkerJobResult>
}

const ctx: JobContext = { signal: new AbortController().signal, reportProgress: async () => {}, recordReferenceUse: async () => {} }

describe('the worker job handler', () => {
  it('taken up again, renders only the takes not yet recorded and returns all of them', async () => {
    const first = { variationIndex: 0, seed: 10, versionId: 'v0-earlier', image: { assetId: hash(99), width: 64, height: 64 } }
    const { handler, rendered, committed } = harness([first])
    const result = await handler(job({ variations: 3 }, 2), ctx)
    expect(rendered).toEqual([11, 12])
    expect(committed.map((c) => c.variationIndex)).toEqual([1, 2])
    expect(result.results.map((r) => [r.variationIndex, r.versionId])).toEqual([
      [0, 'v0-earlier'],
      [1, 'v1'],
      [2, 'v2'],
    ])
  })

  it('drops a job the server no longer wants at pick-up (its board or shot went), before loading a model, without a retry', async () => {
    const { handler, rendered, committed, loaded } = harness([], { run: false, reason: 'the board was deleted' })
    const run = handler(job({ variations: 2 }), ctx)
    await expect(run).rejects.toBeInstanceOf(UnrecoverableJobError)
    await expect(run).rejects.toThrow('the board was deleted')
    expect([loaded, rendered, committed]).toEqual([[], [], []])
  })

  it('gives every take its clip when the shot has a camera move', async () => {
    const { handler, committed } = harness()
    await handler(job({ variations: 2, motion: [{ kind: 'pan', direction: 90, speed: 0.5, strength: 0.5, path: [] }], clip: { fps: 4, durationSeconds: 1 } }), ctx)
    expect(committed.map((c) => c.clip !== undefined)).toEqual([true, true])
  })

  it('says at once that its inference process died and reloads the model for the retry, then fails retryable as worker_stopped', async () => {
    const { handler, published, loaded } = harness([], { run: true }, 1)
    const run = handler(job({}), ctx)
    await expect(run).rejects.toThrow(/"code":"worker_stopped"/)
    await expect(run).rejects.not.toBeInstanceOf(UnrecoverableJobError)
    expect(published.filter((s) => s.type === 'restarting')).toEqual([{ type: 'restarting', jobId: 'job1' }])
    // Loaded for the run, then again at once for the retry.
    expect(loaded).toEqual(['tiny', 'tiny'])
  })
})
