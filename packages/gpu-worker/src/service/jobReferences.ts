import { formatJobFailure, generationFailureCodes, type GenerationFailureCode } from '@storyloom/shared/generation/generationFailures'
import type { GenerationParams } from '@storyloom/shared/generation/jobs'
import { UnrecoverableJobError } from '@storyloom/shared/generation/jobSource'
import { planReferenceUse, type ReferenceUse } from '@storyloom/shared/generation/referenceUse'
import { ReferenceTooLargeError, ReferenceUnreadableError } from '../errors'
import type { ModelInfo } from '../models/loadModel'
import type { ImagePrompt } from '../pipeline/imagePrompts'
import { decodeReferenceImage, type RgbImage } from '../pipeline/rgbImage'
import { ServerCallError, type ServerClient } from './serverClient'

/** A job's references, fetched and decoded for the model that runs it, and how each is used. */
export type JobReferenceInputs = {
  initImage: RgbImage | undefined
  imagePrompts: ImagePrompt[]
  /** One entry per reference of the job, in order: what the result records. */
  referenceUse: ReferenceUse[]
}

/** How `model` uses each of the job's references (the shared rule: planReferenceUse). */
export function planJobReferences(params: GenerationParams, model: ModelInfo): ReferenceUse[] {
  return planReferenceUse(
    params.references.map((r) => ({ role: r.role, kind: r.kind, uploaded: r.assetId !== undefined, weight: r.weight })),
    model,
  )
}

/**
 * Fetches over HTTP and decodes the references the model uses (`referenceUse`, planned by
 * {@link planJobReferences} when not given): the composition image at the output size, image
 * prompts at the image encoder's size. A reference that is gone, is not an image or is too
 * large fails the job with a reason naming its role.
 */
export async function loadJobReferences(
  server: Pick<ServerClient, 'reference'>,
  jobId: string,
  params: GenerationParams,
  model: ModelInfo,
  referenceUse: ReferenceUse[] = planJobReferences(params, model),
): Promise<JobReferenceInputs> {
  const fetchImage = async (index: number, width: number, height: number) => {
    const role = params.references[index]?.role
    const what = `the ${role ?? ''} reference`
    const failed = (code: GenerationFailureCode, detail: string, cause: unknown) => new UnrecoverableJobError(formatJobFailure({ code, ...(role ? { role } : {}), detail }), { cause })
    let bytes: Uint8Array
    try {
      bytes = await server.reference(jobId, index)
    } catch (error) {
      if (error instanceof ServerCallError && error.permanent) throw failed(generationFailureCodes.referenceMissing, `${what} could not be fetched: ${error.message}`, error)
      throw error
    }
    try {
      return await decodeReferenceImage(bytes, width, height, what)
    } catch (error) {
      if (error instanceof ReferenceTooLargeError) throw failed(generationFailureCodes.referenceTooLarge, error.message, error)
      if (error instanceof ReferenceUnreadableError) throw failed(generationFailureCodes.referenceUnreadable, error.message, error)
      throw error
    }
  }
  let initImage: RgbImage | undefined
  const imagePrompts: ImagePrompt[] = []
  for (const use of referenceUse) {
    if (use.use === 'image-to-image') initImage = await fetchImage(use.index, params.width, params.height)
    if (use.use === 'image-prompt' && model.imagePromptSize !== null) {
      imagePrompts.push({ image: await fetchImage(use.index, model.imagePromptSize, model.imagePromptSize), weight: use.weight ?? 0 })
    }
  }
  return { initImage, imagePrompts, referenceUse }
}
