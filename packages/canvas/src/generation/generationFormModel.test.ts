import { describe, expect, it } from 'vitest'
import type { TLShapeId } from 'tldraw'
import { modelManifestSchema } from '@storyloom/shared/generation/modelManifest'
import { buildRequests, initialSettings, withModel, type ShotDraft } from './generationFormModel'

const tiny = modelManifestSchema.parse({
  id: 'storyloom-tiny',
  name: 'Storyloom tiny',
  family: 'storyloom-tiny',
  license: 'MIT',
  builtIn: true,
  defaults: { steps: 4, guidance: 0, width: 256, height: 256 },
})
const turbo = modelManifestSchema.parse({ id: 'sd-turbo', name: 'SD-Turbo', family: 'sd2', license: 'x', defaults: { steps: 2, guidance: 0 } })

function draft(id: string, overrides: Partial<ShotDraft> = {}): ShotDraft {
  return {
    shotId: `shape:${id}` as TLShapeId,
    label: `Shot ${id}`,
    aspect: '16:9',
    prompt: 'A lighthouse in a storm. Wide shot.',
    inputs: { references: [], motion: [] },
    ...overrides,
  }
}

const composition: ShotDraft['inputs'] = {
  references: [{ shapeId: 'shape:ref' as TLShapeId, role: 'composition', preview: { kind: 'image', src: '/api/x', name: 'layout.png' } }],
  motion: [],
}

describe('buildRequests', () => {
  it('makes one request per shot with the model’s size in the shot’s aspect and a seed per shot', () => {
    const seeds = [11, 22]
    const result = buildRequests([draft('a'), draft('b', { aspect: '9:16' })], initialSettings(tiny), tiny, () => seeds.shift()!)
    expect(result.ok).toBe(true)
    if (!result.ok) return
    expect(result.requests.map((r) => [r.params.width, r.params.height, r.params.seed])).toEqual([
      [320, 192, 11],
      [192, 320, 22],
    ])
    expect(result.requests[0]!.params).toMatchObject({ modelId: 'storyloom-tiny', steps: 4, guidance: 0, variations: 1 })
    expect(result.requests[0]!.params.strength).toBeUndefined()
  })

  it('uses one fixed seed for every shot when asked', () => {
    const result = buildRequests([draft('a'), draft('b')], { ...initialSettings(tiny), seedMode: 'fixed', seed: 42 }, tiny)
    expect(result.ok && result.requests.map((r) => r.params.seed)).toEqual([42, 42])
  })

  it('sends strength only for a shot with a composition reference, and refuses strength × steps below one', () => {
    const settings = { ...withModel(initialSettings(tiny), turbo), strength: 0.4 }
    const refused = buildRequests([draft('a', { inputs: composition })], settings, turbo)
    expect(refused).toEqual({ ok: false, problems: [{ field: 'strength', message: 'With 2 steps, strength must be at least 0.5 (or add steps).' }] })
    const accepted = buildRequests([draft('a', { inputs: composition }), draft('b')], { ...settings, strength: 0.5 }, turbo)
    expect(accepted.ok && accepted.requests.map((r) => r.params.strength)).toEqual([0.5, undefined])
    expect(accepted.ok && accepted.requests[0]!.params.references).toEqual([{ shapeId: 'shape:ref', role: 'composition' }])
  })

  it('points each problem at its field: an empty prompt at that shot, too many variations at the setting', () => {
    const result = buildRequests([draft('a'), draft('b', { prompt: '   ' })], { ...initialSettings(tiny), variations: 9 }, tiny)
    expect(result.ok).toBe(false)
    if (result.ok) return
    expect(result.problems).toEqual([
      { field: 'variations', message: expect.stringMatching(/^Variations: /u) },
      { field: 'prompt:shape:b', message: 'Write a prompt for this shot.' },
    ])
  })

  it('says so when there is no model to choose', () => {
    const result = buildRequests([draft('a')], initialSettings(undefined), undefined)
    expect(result.ok).toBe(false)
    expect(!result.ok && result.problems[0]!.field).toBe('modelId')
  })

  it('takes the new model’s defaults when the model changes', () => {
    expect(withModel({ ...initialSettings(tiny), steps: 30 }, turbo)).toMatchObject({ modelId: 'sd-turbo', steps: 2, guidance: 0 })
  })
})
