import type { ModelView } from '@storyloom/shared/generation/api'
import { planReferenceUse, type ReferenceUse } from '@storyloom/shared/generation/referenceUse'
import type { GenerationReference } from './shotGenerationInputs'

/** A reference uploaded to this board (what the server resolves to an asset the worker can fetch). */
function isUploaded(reference: GenerationReference): boolean {
  return reference.preview.kind !== 'link' && reference.preview.src.startsWith('/api/boards/')
}

/** An image or clip dropped on the board whose upload has not finished. */
export function isUploading(reference: GenerationReference): boolean {
  return reference.preview.kind === 'link' && reference.preview.uploading === true
}

/**
 * How the chosen model will use each of a shot's references, by the same rule the worker
 * applies (shared planReferenceUse), with the weights the form holds. Undefined while no model
 * is known.
 */
export function planShotReferences(references: readonly GenerationReference[], model: ModelView | undefined, weights: Readonly<Record<string, number>>): ReferenceUse[] | undefined {
  if (!model) return undefined
  return planReferenceUse(
    references.map((r) => ({ role: r.role, kind: r.preview.kind, uploaded: isUploaded(r), uploading: isUploading(r), weight: weights[r.shapeId] })),
    model,
  )
}
