import { describe, expect, it } from 'vitest'
import { prefilledSettings, initialSettings } from './generationFormModel'
import { offersRetry, retryFormRequest } from './retryRequest'
import { generationView } from './testing/generationView'

describe('retryFormRequest', () => {
  it('brings back the failed run’s own prompt and settings for its shot, and the take it branched from', () => {
    const failed = generationView('g1', {
      status: 'failed',
      error: { code: 'worker_error', message: 'out of memory' },
      params: { prompt: 'The keeper, soaked, at the top of the stairs', negativePrompt: 'text', seed: 99, steps: 12, guidance: 3, width: 64, height: 64, variations: 2, references: [], motion: [], modelId: 'sd-turbo', strength: 0.4, parentVersionId: 'v7' },
    })
    const request = retryFormRequest(failed)
    expect(request).toEqual({
      shotIds: ['shape:s'],
      params: { prompt: 'The keeper, soaked, at the top of the stairs', negativePrompt: 'text', modelId: 'sd-turbo', seed: 99, steps: 12, guidance: 3, strength: 0.4 },
      parentVersionId: 'v7',
    })
    // The form opens on those settings, on a random seed unless the person fixes it.
    expect(prefilledSettings(initialSettings(undefined), request.params)).toMatchObject({ negativePrompt: 'text', steps: 12, guidance: 3, strength: 0.4, seedMode: 'random', seed: 99 })
  })

  it('leaves out what the failed run did not set', () => {
    expect(retryFormRequest(generationView('g2', { status: 'failed' }))).toEqual({
      shotIds: ['shape:s'],
      params: { prompt: 'p', negativePrompt: '', seed: 1, steps: 4, guidance: 0 },
    })
  })
})

describe('offersRetry', () => {
  it('offers Retry… on a failure, but not on one whose request could not be read (its settings are blanks)', () => {
    expect(offersRetry(generationView('g1', { status: 'failed', error: { code: 'out_of_memory', message: 'm' } }))).toBe(true)
    expect(offersRetry(generationView('g2', { status: 'failed', error: { code: 'job_unreadable', message: 'm' } }))).toBe(false)
    expect(offersRetry(generationView('g3', { status: 'canceled' }))).toBe(false)
  })
})
