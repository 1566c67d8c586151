import { describe, expect, it } from 'vitest'
import { createGenerationsRequestSchema } from './api'
import { boardEventSchema } from '../events/boardEvents'
import { workerSignalSchema } from './workerApi'

describe('generation contracts', () => {
  it('accept a minimal create request and refuse one without shots', () => {
    expect(createGenerationsRequestSchema.parse({ shotIds: ['shape:a1'] })).toEqual({ shotIds: ['shape:a1'] })
    expect(createGenerationsRequestSchema.safeParse({ shotIds: [] }).success).toBe(false)
    expect(createGenerationsRequestSchema.safeParse({ shotIds: ['not-a-shape'] }).success).toBe(false)
  })

  it('parse a preview event and refuse a preview that is not an inline image', () => {
    const preview = { type: 'preview', boardId: 'b', generationId: 'g', shotId: 'shape:s', at: 1, variationIndex: 0, step: 1, totalSteps: 4, image: 'data:image/webp;base64,AAAA', width: 64, height: 36 }
    expect(boardEventSchema.parse(preview).type).toBe('preview')
    expect(boardEventSchema.safeParse({ ...preview, image: 'javascript:alert(1)' }).success).toBe(false)
  })

  it('refuse a worker signal of an unknown type', () => {
    expect(workerSignalSchema.safeParse({ type: 'succeeded', jobId: 'j' }).success).toBe(false)
  })
})
