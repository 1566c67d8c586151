import { describe, expect, it } from 'vitest'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { iterateRequest } from './iterateRequest'

const base: ShotVersion = {
  id: 'v_AAAAAAAAAAAAAAAA',
  boardId: 'b',
  shotId: 'shape:s1',
  parentId: null,
  source: 'upload',
  params: null,
  assets: [{ assetId: '0'.repeat(64), src: '/x', mimeType: 'image/png', kind: 'image' }],
  modelId: null,
  builtInModel: false,
  jobId: null,
  variationIndex: null,
  restoredFromId: null,
  authorId: 'u',
  authorName: 'Ada',
  createdAt: '2026-01-01T00:00:00.000Z',
  label: '',
  starred: false,
  approval: 'none',
  deletedAt: null,
}

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
