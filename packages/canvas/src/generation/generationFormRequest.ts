import type { TLShapeId } from 'tldraw'
import type { GenerationParams } from '@storyloom/shared/generation/jobs'

/**
 * What opens the generation form: the shots, and optionally the parameters of a version to
 * iterate from (the version panel's "Iterate from here") with that version as the parent.
 */
export interface GenerationFormRequest {
  shotIds: readonly TLShapeId[]
  params?: Partial<Pick<GenerationParams, 'prompt' | 'negativePrompt' | 'modelId' | 'seed' | 'steps' | 'guidance' | 'strength' | 'variations'>>
  parentVersionId?: string
}
