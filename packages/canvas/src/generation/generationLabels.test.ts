import { describe, expect, it } from 'vitest'
import { emptyBoardGenerations } from './boardGenerationsState'
import { generationStatusText, madeByBuiltInModel, workerLostText } from './generationLabels'
import { generationView } from './testing/generationView'

const running = generationView('g', { status: 'running', progress: 0.25, position: null })
const twoTakes = { ...running, params: { ...running.params, variations: 2 } }

describe('generationStatusText', () => {
  it('names the take and step while running, the place while queued, the reason when failed', () => {
    expect(generationStatusText(twoTakes, { step: 3, totalSteps: 6, variationIndex: 1 })).toBe('Take 2 of 2 · step 3 of 6')
    expect(generationStatusText(running, { step: 3, totalSteps: 6, variationIndex: 0 })).toBe('Step 3 of 6')
    expect(generationStatusText(running)).toBe('Generating · 25%')
    expect(generationStatusText({ ...running, status: 'queued', position: 3 })).toBe('Queued · #3')
    expect(generationStatusText({ ...running, status: 'failed', error: { code: 'model_error', message: 'out of memory' } })).toBe('Failed: out of memory')
  })

  it('says how many takes a run stopped part way kept', () => {
    const result = (i: number) => ({ variationIndex: i, seed: i, versionId: `v${i}`, image: { assetId: 'a', url: `/img${i}`, width: 64, height: 64 } })
    const fourTakes = { ...running, params: { ...running.params, variations: 4 } }
    expect(generationStatusText({ ...fourTakes, status: 'canceled' })).toBe('Canceled')
    expect(generationStatusText({ ...fourTakes, status: 'canceled', results: [result(0), result(1)] })).toBe('Canceled · 2 of 4 takes kept')
    // The server canceled it (its shot went while it waited): the queue says why, not just "Canceled".
    expect(generationStatusText({ ...fourTakes, status: 'canceled', canceledReason: 'the shot was deleted' })).toBe('Canceled: the shot was deleted')
    expect(generationStatusText({ ...fourTakes, status: 'canceled', canceledReason: 'the shot was deleted', results: [result(0)] })).toBe('Canceled: the shot was deleted · 1 of 4 takes kept')
    expect(generationStatusText({ ...fourTakes, status: 'failed', error: { code: 'model_error', message: 'out of memory' }, results: [result(0)] })).toBe(
      'Failed: out of memory · 1 of 4 takes kept',
    )
  })
})

describe('workerLostText', () => {
  it('says the job resumes on another worker, unless no worker is left', () => {
    expect(workerLostText({ status: 'ready', models: [], workers: 1 })).toBe('Worker stopped responding — resuming on another worker…')
    expect(workerLostText({ status: 'loading' })).toBe('Worker stopped responding — resuming on another worker…')
    expect(workerLostText({ status: 'ready', models: [], workers: 0 })).toBe('Worker stopped responding — no worker left; it resumes when one starts')
  })
})

describe('madeByBuiltInModel', () => {
  const media = { assetId: 'asset:x', src: '/api/boards/b/assets/x', model: 'storyloom-tiny' }
  const tiny = { id: 'storyloom-tiny', name: 'Storyloom tiny', builtIn: true }
  it('is true when the models list flags the shot’s model as built in', () => {
    const models = { status: 'ready' as const, workers: 1, models: [{ ...tiny, family: 'storyloom-tiny' as const, license: 'MIT', nonCommercial: false, supportsImageToImage: true, supportsImagePrompts: false, isDefault: true, defaults: { steps: 4, guidance: 0, width: 256, height: 256 } }] }
    expect(madeByBuiltInModel(media, models, emptyBoardGenerations)).toBe(true)
    expect(madeByBuiltInModel({ ...media, model: 'Storyloom tiny (built-in)' }, models, emptyBoardGenerations)).toBe(true)
    expect(madeByBuiltInModel({ ...media, model: 'sd-turbo' }, models, emptyBoardGenerations)).toBe(false)
    expect(madeByBuiltInModel(null, models, emptyBoardGenerations)).toBe(false)
  })

  it('falls back to the generation that made the image when no worker lists the model now', () => {
    const made = generationView('g', {
      status: 'succeeded',
      model: tiny,
      results: [{ variationIndex: 0, seed: 1, versionId: null, image: { assetId: 'x', url: media.src, width: 1, height: 1 } }],
    })
    expect(madeByBuiltInModel(media, { status: 'loading' }, { generations: { g: made }, previews: {}, workerLost: {}, restarting: {} })).toBe(true)
    expect(madeByBuiltInModel({ ...media, src: '/other' }, { status: 'loading' }, { generations: { g: made }, previews: {}, workerLost: {}, restarting: {} })).toBe(false)
  })
})
