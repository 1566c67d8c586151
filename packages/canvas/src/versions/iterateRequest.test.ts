import { describe, expect, it } from 'vitest'
import { iterateRequest } from './iterateRequest'
import { shotVersion } from './testing/shotVersionFixture'

const base = shotVersion('v_AAAAAAAAAAAAAAAA', null, { shotId: 'shape:s1' })

describe('iterateRequest', () => {
  it('prefills the form with what made the take and branches from it', () => {
    const params = { prompt: 'a pier at dawn', negativePrompt: 'blur', seed: 9, steps: 6, guidance: 2, width: 512, height: 288, variations: 3, modelId: 'tiny-sd', references: [], motion: [] }
    expect(iterateRequest({ ...base, source: 'generation', params })).toEqual({
      shotIds: ['shape:s1'],
      parentVersionId: base.id,
      params: { prompt: 'a pier at dawn', negativePrompt: 'blur', seed: 9, steps: 6, guidance: 2, variations: 3, modelId: 'tiny-sd' },
    })
  })

  it('leaves an upload’s form to the shot’s own defaults', () => {
    expect(iterateRequest(base)).toEqual({ shotIds: ['shape:s1'], parentVersionId: base.id })
  })
})
