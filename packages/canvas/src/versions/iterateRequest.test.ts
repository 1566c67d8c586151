import { describe, expect, it } from 'vitest'
import type { TLShapeId } from 'tldraw'
import { buildRequests, initialSettings, prefilledSettings } from '../generation/generationFormModel'
import { tinyModel as tiny } from '../generation/testing/modelView'
import { iterateRequest } from './iterateRequest'
import { shotVersion } from './testing/shotVersionFixture'

const base = shotVersion('v_AAAAAAAAAAAAAAAA', null, { shotId: 'shape:s1' })

describe('iterateRequest', () => {
  it('prefills the form with what made the take and branches from it', () => {
    const params = { prompt: 'a pier at dawn', negativePrompt: 'blur', seed: 9, steps: 6, guidance: 2, width: 512, height: 288, variations: 3, modelId: 'tiny-sd', references: [], motion: [] }
    expect(iterateRequest({ ...base, source: 'generation', params })).toEqual({
      shotIds: ['shape:s1'],
      parentVersionId: base.id,
      params: { prompt: 'a pier at dawn', negativePrompt: 'blur', seed: 9, steps: 6, guidance: 2, modelId: 'tiny-sd' },
    })
  })

  it('leaves the seed to the server (which avoids the takes’ seeds) and uses the form’s variation count, so iterating never re-makes the take or its siblings', () => {
    // The take is variation 0 of a run of three on seed 9: its siblings have seeds 10 and 11.
    const params = { prompt: 'a pier at dawn', negativePrompt: '', seed: 9, steps: 4, guidance: 0, width: 512, height: 288, variations: 3, modelId: tiny.id, references: [], motion: [] }
    const request = iterateRequest({ ...base, source: 'generation', params })
    const settings = prefilledSettings(initialSettings(tiny), request.params)
    const draft = { shotId: 'shape:s1' as TLShapeId, number: '1', title: '', aspect: '16:9' as const, prompt: params.prompt, inputs: { references: [], motion: [] }, hasCameraMove: false }
    const built = buildRequests([draft], settings, tiny, { parentVersionId: request.parentVersionId! })
    if (!built.ok) throw new Error(JSON.stringify(built.problems))
    expect(built.requests[0]!.body).toMatchObject({ variations: 1, steps: 4, parentVersionId: base.id })
    expect(built.requests[0]!.body.seed).toBeUndefined()
    // Locking the seed is the person's choice, and then it is the take's.
    const locked = buildRequests([draft], { ...settings, seedMode: 'fixed' }, tiny, { parentVersionId: base.id })
    expect(locked.ok && locked.requests[0]!.body.seed).toBe(9)
  })

  it('leaves an upload’s form to the shot’s own defaults', () => {
    expect(iterateRequest(base)).toEqual({ shotIds: ['shape:s1'], parentVersionId: base.id })
  })
})
