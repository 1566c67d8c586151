import type { TLShapeId } from 'tldraw'
import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'
import type { GenerationFormRequest } from '../generation/generationFormRequest'

/**
 * The generation form for "Iterate from here": the version's shot, prefilled with the
 * parameters that made it (an upload has none: the form fills them from the shot), and the
 * version as the parent, so the results become its children. Its seed goes along only to be
 * offered if the person locks the seed, and its run's variation count not at all: iterating
 * makes new takes, never copies of the take and its siblings.
 */
export function iterateRequest(version: ShotVersion): GenerationFormRequest {
  const p = version.params
  return {
    shotIds: [version.shotId as TLShapeId],
    parentVersionId: version.id,
    ...(p
      ? {
          params: {
            prompt: p.prompt,
            negativePrompt: p.negativePrompt,
            seed: p.seed,
            steps: p.steps,
            guidance: p.guidance,
            ...(p.modelId !== undefined ? { modelId: p.modelId } : {}),
            ...(p.strength !== undefined ? { strength: p.strength } : {}),
          },
        }
      : {}),
  }
}
