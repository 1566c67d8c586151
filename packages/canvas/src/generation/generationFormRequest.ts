import type { TLShapeId } from 'tldraw'
import type { GenerationParams } from '@storyloom/shared/generation/jobs'

/**
 * What opens the generation form: the shots, and optionally the parameters of a version to
 * iterate from (the version panel's "Iterate from here") with that version as the parent. Its
 * seed is offered for locking, not used as is (see `prefilledSettings`); the variation count is
 * not carried at all.
 */
export interface GenerationFormRequest {
  shotIds: readonly TLShapeId[]
  params?: Partial<Pick<GenerationParams, 'prompt' | 'negativePrompt' | 'modelId' | 'seed' | 'steps' | 'guidance' | 'strength'>>
  parentVersionId?: string
}
