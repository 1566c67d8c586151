import { z } from 'zod'
import { REFERENCE_ROLE_IDS, type ReferenceRole } from '../storyboard/vocabulary'

/** Largest reference image a worker decodes (pixels): beyond it decoding alone could exhaust the worker's memory. */
export const MAX_REFERENCE_PIXELS = 40_000_000

/**
 * How a generation uses each of the shot's references. One rule, shared by the canvas (the
 * form says per reference whether the chosen model will use it), the server and the worker
 * (which records what it actually did on the job and on each take).
 *
 * - `image-to-image`: the first uploaded composition image is the init image (with a strength).
 * - `image-prompt`: an uploaded image of another role conditions the UNet through the model's
 *   image encoder (IP-Adapter style), with a weight in [0, 1].
 * - `ignored`: with the reason a user can act on.
 */
export const referenceUses = ['image-to-image', 'image-prompt', 'ignored'] as const
export type ReferenceUseKind = (typeof referenceUses)[number]

/** Most references one generation conditions on; more are recorded as ignored. */
export const MAX_IMAGE_PROMPTS = 4

/** Weight of an image-prompt reference when the request does not say, by role. */
export const DEFAULT_REFERENCE_WEIGHTS: Record<Exclude<ReferenceRole, 'composition'>, number> = {
  style: 0.8,
  character: 0.7,
  location: 0.5,
  prop: 0.4,
}

/** A weight a person may give a reference: 0 (off) to 1 (as strong as the model allows). */
export const referenceWeightSchema = z.number().min(0).max(1)

/** What happened to the reference at `index` of the job's `references`. */
export const referenceUseSchema = z.object({
  index: z.number().int().min(0).max(63),
  role: z.enum(REFERENCE_ROLE_IDS),
  use: z.enum(referenceUses),
  /** The image-prompt weight that was applied. */
  weight: referenceWeightSchema.optional(),
  /** Why an `ignored` reference was left out. */
  reason: z.string().max(300).optional(),
})
export type ReferenceUse = z.infer<typeof referenceUseSchema>

/** What the planner needs to know about a reference. */
export type PlannedReference = {
  role: ReferenceRole
  kind: 'image' | 'video' | 'link'
  uploaded: boolean
  /** An image or clip still on its way to the board (only a browser knows this). */
  uploading?: boolean | undefined
  weight?: number | undefined
}

/** Why a reference still uploading is left out. */
export const STILL_UPLOADING = 'still uploading'

/** What the planner needs to know about a model (a `ModelView` fits). */
export type ReferenceCapabilities = { supportsImageToImage: boolean; supportsImagePrompts: boolean }

/** The weight a reference gets: its own, else its role's default (composition has none). */
export function referenceWeight(reference: Pick<PlannedReference, 'role' | 'weight'>): number | undefined {
  if (reference.role === 'composition') return undefined
  return reference.weight ?? DEFAULT_REFERENCE_WEIGHTS[reference.role]
}

/** Decides, in order, how each reference is used by a model with these capabilities. */
export function planReferenceUse(references: readonly PlannedReference[], model: ReferenceCapabilities): ReferenceUse[] {
  let initImage = false
  let prompts = 0
  return references.map((reference, index): ReferenceUse => {
    const { role } = reference
    const ignored = (reason: string): ReferenceUse => ({ index, role, use: 'ignored', reason })
    if (reference.uploading) return ignored(STILL_UPLOADING)
    if (reference.kind !== 'image' || !reference.uploaded) return ignored(reference.kind === 'image' ? 'only images uploaded to the board are used' : `a ${reference.kind === 'video' ? 'clip' : 'link'} is not used by generations`)
    if (role === 'composition') {
      if (!model.supportsImageToImage) return ignored('not used by this model (no image-to-image)')
      if (initImage) return ignored('only the first composition image is used')
      initImage = true
      return { index, role, use: 'image-to-image' }
    }
    if (!model.supportsImagePrompts) return ignored('not used by this model (no image prompts)')
    const weight = referenceWeight(reference) ?? 0
    if (weight === 0) return ignored('its weight is 0')
    if (prompts >= MAX_IMAGE_PROMPTS) return ignored(`at most ${MAX_IMAGE_PROMPTS} image references condition one generation`)
    prompts++
    return { index, role, use: 'image-prompt', weight }
  })
}
