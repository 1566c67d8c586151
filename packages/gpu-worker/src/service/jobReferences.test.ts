import { parseJobFailure } from '@storyloom/shared/generation/generationFailures'
import { UnrecoverableJobError } from '@storyloom/shared/generation/jobSource'
import { generationParamsSchema, type GenerationParamsInput } from '@storyloom/shared/generation/jobs'
import { describe, expect, it } from 'vitest'
import type { ModelInfo } from '../models/loadModel'
import { encodePng } from '../pipeline/rgbImage'
import { loadJobReferences } from './jobReferences'
import { ServerCallError } from './serverClient'

const asset = (n: number) => String(n).repeat(64)
const params = (references: GenerationParamsInput['references']) =>
  generationParamsSchema.parse({ prompt: 'p', seed: 1, steps: 2, guidance: 1, width: 96, height: 64, references })
const model = (imagePromptSize: number | null) => ({ supportsImageToImage: true, supportsImagePrompts: imagePromptSize !== null, imagePromptSize }) as ModelInfo

/** A server whose reference `i` answers with `bodies[i]` (an Error is thrown). */
function server(bodies: (Uint8Array | Error)[]) {
  const fetched: number[] = []
  return {
    fetched,
    async reference(_jobId: string, index: number) {
      fetched.push(index)
      const body = bodies[index]
      if (!body || body instanceof Error) throw body ?? new Error('no such reference')
      return body
    },
  }
}

describe('loadJobReferences', () => {
  const png = () => encodePng({ width: 4, height: 4, data: new Uint8Array(48).fill(90) })
  const refs = [
    { role: 'style' as const, kind: 'image' as const, assetId: asset(1), src: '/a', weight: 0.4 },
    { role: 'composition' as const, kind: 'image' as const, assetId: asset(2), src: '/b' },
    { role: 'location' as const, kind: 'link' as const, src: 'https://example.com' },
  ]

  it('fetches only what the model uses, decodes each at its size and says how each was used', async () => {
    const bytes = await png()
    const s = server([bytes, bytes, bytes])
    const loaded = await loadJobReferences(s, 'job', params(refs), model(224))
    expect(loaded.initImage).toMatchObject({ width: 96, height: 64 })
    expect(loaded.imagePrompts).toHaveLength(1)
    expect(loaded.imagePrompts[0]).toMatchObject({ weight: 0.4, image: { width: 224, height: 224 } })
    expect(loaded.referenceUse.map((u) => u.use)).toEqual(['image-prompt', 'image-to-image', 'ignored'])
    expect(s.fetched).toEqual([0, 1])
  })

  it('leaves image prompts out for a model without the capability, and does not fetch them', async () => {
    const s = server([await png(), await png()])
    const loaded = await loadJobReferences(s, 'job', params(refs), model(null))
    expect(loaded.imagePrompts).toEqual([])
    expect(loaded.referenceUse[0]).toMatchObject({ use: 'ignored', reason: 'not used by this model (no image prompts)' })
    expect(s.fetched).toEqual([1])
  })

  it('fails the job with the reference named when its file is gone or is not an image', async () => {
    const gone = new ServerCallError('GET … failed: the reference\'s file is not on the board any more', 404, 'asset_not_found')
    const failure = async (body: Uint8Array | Error) => {
      const error = await loadJobReferences(server([body]), 'job', params(refs.slice(0, 1)), model(224)).catch((e: unknown) => e)
      expect(error).toBeInstanceOf(UnrecoverableJobError)
      return parseJobFailure((error as Error).message)
    }
    expect(await failure(gone)).toMatchObject({ code: 'reference_missing', role: 'style', detail: expect.stringMatching(/^the style reference could not be fetched: .*not on the board any more/u) })
    expect(await failure(new TextEncoder().encode('not an image'))).toMatchObject({ code: 'reference_unreadable', role: 'style' })
    // A server that is down is worth a retry: not unrecoverable.
    const down = new ServerCallError('could not reach the server', 0, undefined)
    await expect(loadJobReferences(server([down]), 'job', params(refs.slice(0, 1)), model(224))).rejects.toBe(down)
  })
})
