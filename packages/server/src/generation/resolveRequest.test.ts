import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import type { ModelView } from '@storyloom/shared/generation/api'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { ApiError } from '../http/errors'
import type { BoardRecord } from '../sync/recordGuard'
import { resolveRequest, type RequestContext } from './resolveRequest'

const SHOT_ID = 'shape:shot'

function model(family: ModelView['family'], width: number, height: number): ModelView {
  return {
    id: family === 'storyloom-tiny' ? 'built-in' : 'sd-turbo',
    name: family === 'storyloom-tiny' ? 'Built-in model' : 'SD-Turbo',
    family,
    license: 'x',
    nonCommercial: false,
    builtIn: family === 'storyloom-tiny',
    supportsImageToImage: true,
    supportsImagePrompts: false,
    isDefault: true,
    defaults: { steps: 2, guidance: 1, width, height },
  }
}

/** A board with one 16:9 shot, and one worker model. */
function context(models: ModelView[]): RequestContext {
  const doc = new Y.Doc()
  type ShotFields = Parameters<typeof createShotShape>[0]
  const shot = createShotShape({ id: SHOT_ID as ShotFields['id'], parentId: 'page:page' as ShotFields['parentId'], index: 'a1' as ShotFields['index'] })
  putRecords(doc, [shot as unknown as BoardRecord])
  return { boardId: 'b', doc, models, parentVersionShot: () => undefined, assetMimeType: () => undefined, takenSeeds: () => new Set() }
}

function refusal(run: () => unknown): ApiError {
  try {
    run()
  } catch (error) {
    if (error instanceof ApiError) return error
    throw error
  }
  throw new Error('expected a refusal')
}

describe('resolveRequest: sizes', () => {
  it("refuses a size off a Stable-Diffusion model's 64 px grid up front, naming the nearest it can run", () => {
    const ctx = context([model('sd1', 512, 512)])
    const error = refusal(() => resolveRequest({ shotIds: [SHOT_ID], width: 512, height: 288 }, ctx))
    expect(error.code).toBe('invalid_size')
    expect(error.message).toContain('SD-Turbo needs width and height in multiples of 64 pixels, got 512 × 288')
    const [width, height] = /nearest at that aspect: (\d+) × (\d+)\)/.exec(error.message)!.slice(1).map(Number) as [number, number]
    expect([width % 64, height % 64]).toEqual([0, 0])
    // The size it names is accepted, as it is.
    expect(resolveRequest({ shotIds: [SHOT_ID], width, height }, ctx)[0]!.params).toMatchObject({ width, height })
  })

  it('takes any multiple of 8 for the built-in model, and sizes a request without one on the model grid', () => {
    const tiny = context([model('storyloom-tiny', 512, 288)])
    expect(resolveRequest({ shotIds: [SHOT_ID], width: 512, height: 288 }, tiny)[0]!.params).toMatchObject({ width: 512, height: 288 })
    const sd = context([model('sd1', 512, 512)])
    const { width, height } = resolveRequest({ shotIds: [SHOT_ID] }, sd)[0]!.params as { width: number; height: number }
    expect([width % 64, height % 64]).toEqual([0, 0])
  })
})

describe('resolveRequest: seeds', () => {
  it('draws a random seed whose takes miss every seed the shot’s takes have, and keeps a locked one', () => {
    // The shot has takes on seeds 9, 10 and 11 (a run of three); the draws would hit them first.
    const draws = [10, 8, 500]
    const ctx: RequestContext = { ...context([model('sd1', 512, 512)]), takenSeeds: () => new Set([9, 10, 11]), drawSeed: () => draws.shift()! }
    // 10 is taken; 8 makes 8 and 9, and 9 is taken; 500 and 501 are free.
    expect(resolveRequest({ shotIds: [SHOT_ID], variations: 2 }, ctx)[0]!.params.seed).toBe(500)
    // A seed the request locks is the person's choice, taken or not.
    expect(resolveRequest({ shotIds: [SHOT_ID], seed: 9 }, ctx)[0]!.params.seed).toBe(9)
  })
})
