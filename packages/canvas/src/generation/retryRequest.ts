import type { TLShapeId } from 'tldraw'
import type { GenerationView } from '@storyloom/shared/generation/api'
import { generationFailureCodes } from '@storyloom/shared/generation/generationFailures'
import type { GenerationFormRequest } from './generationFormRequest'

/**
 * Whether a failed generation offers Retry…: not one whose request could not be read
 * (`job_unreadable`), whose settings are blanks; its message says to generate the shot again.
 */
export function offersRetry(generation: GenerationView): boolean {
  return generation.status === 'failed' && generation.error?.code !== generationFailureCodes.jobUnreadable
}

/**
 * The generation form's request that runs a failed generation again: its shot, with the prompt
 * (as edited when it was started, not the shot's action) and the settings it ran with, branching
 * from the same take. As with "Iterate from here", its seed is only offered.
 */
export function retryFormRequest(generation: GenerationView): GenerationFormRequest {
  const { prompt, negativePrompt, modelId, seed, steps, guidance, strength, parentVersionId } = generation.params
  return {
    shotIds: [generation.shotId as TLShapeId],
    params: { prompt, negativePrompt, seed, steps, guidance, ...(modelId !== undefined && { modelId }), ...(strength !== undefined && { strength }) },
    ...(parentVersionId !== undefined && { parentVersionId }),
  }
}
