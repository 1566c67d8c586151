import { describe, expect, it } from 'vitest'
import type { TLShapeId } from 'tldraw'
import type { ModelView } from '@storyloom/shared/generation/api'
import { buildRequests, initialSettings, promptLengthProblem, shotSize, withModel, type ShotDraft } from './generationFormModel'
import { planShotReferences } from './referencePlan'
import { tinyModel as tiny } from './testing/modelView'

const turbo: ModelView = { ...tiny, id: 'sd-turbo', name: 'SD-Turbo', family: 'sd2', builtIn: false, isDefault: false, defaults: { steps: 2, guidance: 0, width: 512, height: 512 } }

function draft(id: string, overrides: Partial<ShotDraft> = {}): ShotDraft {
  return {
    shotId: `shape:${id}` as TLShapeId,
    number: id,
    title: '',
    aspect: '16:9',
    prompt: 'A lighthouse in a storm. Wide shot.',
    inputs: { references: [], motion: [] },
    hasCameraMove: false,
    ...overrides,
  }
}

const composition: ShotDraft['inputs'] = {
  references: [{ shapeId: 'shape:ref' as TLShapeId, role: 'composition', preview: { kind: 'image', src: '/api/x', name: 'layout.png' } }],
  motion: [],
}

describe('buildRequests', () => {
  it('says a seed beyond the range once, beside the seed, in words', () => {
    for (const seed of [2 ** 32, 99_999_999_999_999_999_999, 1.5, Number.NaN]) {
      const refused = buildRequests([draft('a'), draft('b')], { ...initialSettings(tiny), seedMode: 'fixed', seed }, tiny)
      if (refused.ok) throw new Error(`seed ${seed} accepted`)
      expect(refused.problems).toEqual([{ field: 'seed', message: 'Seed: a whole number from 0 to 4294967295.' }])
    }
  })

  it('makes one request per shot with its prompt and the model’s size in its aspect, leaving a random seed to the server', () => {
    const result = buildRequests([draft('a'), draft('b', { aspect: '9:16', prompt: ' A gull. ' })], initialSettings(tiny), tiny)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.requests.map((r) => [r.body.shotIds, r.body.prompt, r.body.width, r.body.height, r.body.seed])).toEqual([
      [['shape:a'], 'A lighthouse in a storm. Wide shot.', 512, 288, undefined],
      [['shape:b'], 'A gull.', 288, 512, undefined],
    ])
    expect(result.requests[0]!.body).toMatchObject({ modelId: 'storyloom-tiny', steps: 4, guidance: 0, variations: 1, useReferences: true, clip: true })
    expect(result.requests[0]!.body.strength).toBeUndefined()
  })

  it('uses one fixed seed for every shot when asked, and branches from a version when given one', () => {
    const result = buildRequests([draft('a'), draft('b')], { ...initialSettings(tiny), seedMode: 'fixed', seed: 42 }, tiny, { parentVersionId: 'v1' })
    expect(result.ok && result.requests.map((r) => [r.body.seed, r.body.parentVersionId])).toEqual([
      [42, 'v1'],
      [42, 'v1'],
    ])
  })

  it('sends strength only for a shot with a composition reference, and refuses strength × steps below one', () => {
    const settings = { ...withModel(initialSettings(tiny), turbo), strength: 0.4 }
    const refused = buildRequests([draft('a', { inputs: composition })], settings, turbo)
    expect(refused).toEqual({ ok: false, problems: [{ field: 'strength', message: 'With 2 steps, strength must be at least 0.5 (or add steps).' }] })
    const accepted = buildRequests([draft('a', { inputs: composition }), draft('b')], { ...settings, strength: 0.5 }, turbo)
    expect(accepted.ok && accepted.requests.map((r) => r.body.strength)).toEqual([0.5, undefined])
    // Without references there is no image-to-image, so no strength rule either.
    const plain = buildRequests([draft('a', { inputs: composition })], { ...settings, useReferences: false }, turbo)
    expect(plain.ok && plain.requests[0]!.body.strength).toBeUndefined()
  })

  it('points each problem at its field: an empty prompt at that shot, too many variations at the setting', () => {
    const result = buildRequests([draft('a'), draft('b', { prompt: '   ' })], { ...initialSettings(tiny), variations: 5 }, tiny)
    expect(result).toEqual({
      ok: false,
      problems: [
        { field: 'variations', message: 'Variations: 1 to 4 per shot.' },
        { field: 'prompt:shape:b', message: 'Write a prompt for this shot.' },
      ],
    })
  })

  it('refuses a prompt over the limit at its shot, saying by how much, instead of starting nothing', () => {
    const long = 'A gull over the pier. '.repeat(100)
    const result = buildRequests([draft('a'), draft('b', { prompt: long })], initialSettings(tiny), tiny)
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'prompt:shape:b', message: `At most 2000 characters: this prompt has ${long.trim().length}. Shorten it by ${long.trim().length - 2000}.` }],
    })
  })

  it('refuses a negative prompt over the limit beside it, in words, saying by how much', () => {
    const long = 'blurry, '.repeat(300)
    const result = buildRequests([draft('a'), draft('b')], { ...initialSettings(tiny), negativePrompt: long }, tiny)
    const length = long.trim().length
    expect(result).toEqual({
      ok: false,
      problems: [{ field: 'negativePrompt', message: `At most 2000 characters: this negative prompt has ${length}. Shorten it by ${length - 2000}.` }],
    })
  })

  it('tells how much to cut while a pasted prompt is too long, and nothing within the limit', () => {
    expect(promptLengthProblem('x'.repeat(2001), 'prompt')).toBe('At most 2000 characters: this prompt has 2001. Shorten it by 1.')
    expect(promptLengthProblem(` ${'x'.repeat(2000)}\n`, 'prompt')).toBeUndefined()
  })

  it('says so when there is no model to choose', () => {
    const result = buildRequests([draft('a')], initialSettings(undefined), undefined)
    expect(!result.ok && result.problems[0]).toEqual({ field: 'modelId', message: expect.stringMatching(/worker/u) })
  })

  it('takes the new model’s defaults when the model changes', () => {
    expect(withModel({ ...initialSettings(tiny), steps: 30 }, turbo)).toMatchObject({ modelId: 'sd-turbo', steps: 2, guidance: 0 })
  })
})

describe('shotSize', () => {
  it('keeps every preset in the shot’s aspect ratio, drafts included', () => {
    expect(shotSize({ aspect: '16:9' }, { sizeScale: 'draft' }, tiny)).toEqual({ width: 256, height: 144 })
    expect(shotSize({ aspect: '16:9' }, { sizeScale: 'large' }, tiny)).toEqual({ width: 768, height: 432 })
    for (const sizeScale of ['draft', 'standard', 'large'] as const) {
      const { width, height } = shotSize({ aspect: '1.85:1' }, { sizeScale }, tiny)
      expect(Math.abs(width / height / 1.85 - 1)).toBeLessThan(0.01)
    }
  })
})

describe('references in the form', () => {
  const refs: ShotDraft['inputs'] = {
    references: [
      { shapeId: 'shape:look' as TLShapeId, role: 'style', preview: { kind: 'image', src: '/api/boards/b/assets/x', name: 'look.png' } },
      { shapeId: 'shape:site' as TLShapeId, role: 'location', preview: { kind: 'link', url: 'https://example.com', name: 'site', image: null } },
      { shapeId: 'shape:layout' as TLShapeId, role: 'composition', preview: { kind: 'image', src: '/api/boards/b/assets/y', name: 'layout.png' } },
    ],
    motion: [],
  }

  it('says per reference whether the chosen model uses it', () => {
    expect(planShotReferences(refs.references, tiny, {})?.map((u) => u.use)).toEqual(['image-prompt', 'ignored', 'image-to-image'])
    const noPrompts = { ...turbo, supportsImagePrompts: false }
    expect(planShotReferences(refs.references, noPrompts, {})?.[0]).toMatchObject({ use: 'ignored', reason: 'not used by this model (no image prompts)' })
    expect(planShotReferences(refs.references, tiny, { 'shape:look': 0 })?.[0]).toMatchObject({ use: 'ignored', reason: 'its weight is 0' })
    expect(planShotReferences(refs.references, undefined, {})).toBeUndefined()
  })

  it('sends the weights set for each shot’s own references only', () => {
    const settings = { ...initialSettings(tiny), referenceWeights: { 'shape:look': 0.3, 'shape:other-shot-ref': 0.9 } }
    const result = buildRequests([draft('a', { inputs: refs }), draft('b')], settings, tiny)
    if (!result.ok) throw new Error('refused')
    expect(result.requests[0]!.body.referenceWeights).toEqual({ 'shape:look': 0.3 })
    expect(result.requests[1]!.body.referenceWeights).toBeUndefined()
    const off = buildRequests([draft('a', { inputs: refs })], { ...settings, useReferences: false }, tiny)
    if (!off.ok) throw new Error('refused')
    expect(off.requests[0]!.body.referenceWeights).toBeUndefined()
  })

  it('holds a generation back while a reference is still uploading, unless references are off', () => {
    const uploading: ShotDraft['inputs'] = {
      references: [{ shapeId: 'shape:look' as TLShapeId, role: 'style', preview: { kind: 'link', url: '', name: 'look.png', image: null, uploading: true } }],
      motion: [],
    }
    expect(planShotReferences(uploading.references, tiny, {})?.[0]).toMatchObject({ use: 'ignored', reason: 'still uploading' })
    const refused = buildRequests([draft('a', { inputs: uploading })], initialSettings(tiny), tiny)
    expect(refused).toEqual({ ok: false, problems: [{ field: 'useReferences', message: 'A reference is still uploading: generate once it is on the board, or turn references off.' }] })
    expect(buildRequests([draft('a', { inputs: uploading })], { ...initialSettings(tiny), useReferences: false }, tiny).ok).toBe(true)
  })
})
