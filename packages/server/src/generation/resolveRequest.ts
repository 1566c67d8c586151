import { randomInt } from 'node:crypto'
import type * as Y from 'yjs'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import type { CreateGenerationsRequest, ModelView } from '@storyloom/shared/generation/api'
import { LATENT_FACTOR, MAX_GENERATION_SIDE, MIN_GENERATION_SIDE, shotGenerationSize, sizeForRatio, sizeGridFor } from '@storyloom/shared/generation/generationSize'
import { MAX_VARIATIONS, type GenerationParamsInput } from '@storyloom/shared/generation/jobs'
import { promptFromShot } from '@storyloom/shared/generation/shotPrompt'
import { ApiError } from '../http/errors'
import { readShotInputs } from './shotInputs'

/** Used when no live worker has told us its model's defaults (e.g. none started yet). */
const FALLBACK_DEFAULTS = { steps: 4, guidance: 1 }
/** Image-to-image strength with a composition reference, when the request does not say. */
export const DEFAULT_STRENGTH = 0.6
/** Frame rate of camera-move clips: light enough to render on a CPU, smooth enough to read the move. */
export const CLIP_FPS = 12
/** Longest clip rendered for a shot, in seconds, whatever its duration. */
export const MAX_CLIP_SECONDS = 6

/** What the board and the workers tell about a request. */
export type RequestContext = {
  boardId: string
  doc: Y.Doc
  models: ModelView[]
  /** The shot a version of this board belongs to, or undefined when the board has no such version. */
  parentVersionShot(versionId: string): string | undefined
  /** The media type of one of the board's uploaded assets, or undefined when the board has no such asset. */
  assetMimeType(assetId: string): string | undefined
  /** The seeds the shot's takes (deleted ones too) were made with: a random seed avoids them. */
  takenSeeds(shotId: string): ReadonlySet<number>
  /** Draws a random base seed; tests pass their own. */
  drawSeed?: () => number
}

/** Draws before giving up on avoiding a taken seed (each draw almost never collides). */
const SEED_DRAWS = 64

/**
 * A random base seed for `variations` takes of a shot, such that no take it makes (seed + i)
 * has a seed one of the shot's takes already has: without a locked seed, a new generation —
 * "Iterate from here" with an unchanged prompt among them — never re-makes an existing take.
 */
function freshSeed(taken: ReadonlySet<number>, variations: number, draw: () => number): number {
  let seed = draw()
  for (let i = 1; i < SEED_DRAWS && Array.from({ length: variations }, (_, v) => seed + v).some((s) => taken.has(s)); i++) seed = draw()
  return seed
}

function checkSize(request: CreateGenerationsRequest): void {
  const { width, height } = request
  if ((width === undefined) !== (height === undefined)) throw new ApiError(ApiErrorCode.invalidSize, 'give both width and height, or neither (then the shot\'s aspect ratio decides)')
  for (const [name, value] of [['width', width], ['height', height]] as const) {
    if (value !== undefined && (value < MIN_GENERATION_SIDE || value > MAX_GENERATION_SIDE || value % LATENT_FACTOR !== 0)) {
      throw new ApiError(ApiErrorCode.invalidSize, `${name} must be a multiple of ${LATENT_FACTOR} from ${MIN_GENERATION_SIDE} to ${MAX_GENERATION_SIDE} pixels, got ${value}`)
    }
  }
}

/**
 * A size the contract takes can still be one the model cannot run: a Stable-Diffusion UNet needs
 * multiples of 64 (see `sizeGridFor`), and would fail only inside the worker. Refused here, with
 * the nearest size the model can run at that aspect.
 */
function checkSizeForModel(request: CreateGenerationsRequest, model: ModelView | undefined): void {
  const { width, height } = request
  if (width === undefined || height === undefined || !model) return
  const grid = sizeGridFor(model.family)
  if (width % grid === 0 && height % grid === 0) return
  const nearest = sizeForRatio(width / height, width * height, grid)
  throw new ApiError(
    ApiErrorCode.invalidSize,
    `${model.name} needs width and height in multiples of ${grid} pixels, got ${width} × ${height} (nearest at that aspect: ${nearest.width} × ${nearest.height})`,
  )
}

function chooseModel(request: CreateGenerationsRequest, models: ModelView[]): ModelView | undefined {
  if (request.modelId === undefined) return models.find((m) => m.isDefault) ?? models[0]
  const model = models.find((m) => m.id === request.modelId)
  if (!model) {
    const known = models.map((m) => m.id).join(', ')
    throw new ApiError(ApiErrorCode.unknownModel, known ? `no worker has the model "${request.modelId}" (available: ${known})` : `no worker has the model "${request.modelId}": no worker is running yet`)
  }
  return model
}

/**
 * Turns a create request into the parameters of one job per shot, filling what the request
 * leaves out from the shot (prompt, size, references, motion) and the model (steps, guidance).
 * Throws an `ApiError` (422) naming the first problem: unknown shot or model, impossible size,
 * too many variations, a parent version that is not the shot's, a reference that cannot be used
 * (gone, not an image), a weight for a reference the shots do not have. Weights from the request go on the references; absent ones
 * take their role's default when the worker plans (see referenceUse.ts).
 */
export function resolveRequest(request: CreateGenerationsRequest, ctx: RequestContext): { shotId: string; params: GenerationParamsInput }[] {
  checkSize(request)
  const variations = request.variations ?? 1
  if (variations > MAX_VARIATIONS) throw new ApiError(ApiErrorCode.tooManyVariations, `at most ${MAX_VARIATIONS} variations per shot, got ${variations}`)
  if (request.parentVersionId !== undefined && request.shotIds.length > 1) {
    throw new ApiError(ApiErrorCode.invalidRequest, 'parentVersionId applies to one shot: generate from a version one shot at a time')
  }
  const model = chooseModel(request, ctx.models)
  checkSizeForModel(request, model)
  const defaults = { ...FALLBACK_DEFAULTS, ...model?.defaults }
  const draw = ctx.drawSeed ?? (() => randomInt(0, 2 ** 32 - MAX_VARIATIONS))
  const seen = new Set<string>()
  const weighted = new Set(Object.keys(request.referenceWeights ?? {}))
  const resolved = request.shotIds.map((shotId) => {
    if (seen.has(shotId)) throw new ApiError(ApiErrorCode.invalidRequest, `shot ${shotId} is listed twice`)
    seen.add(shotId)
    const inputs = readShotInputs(ctx.doc, ctx.boardId, shotId)
    if (!inputs) throw new ApiError(ApiErrorCode.shotNotFound, `${shotId} is not a shot on this board (deleted, or another kind of shape)`)
    // Checked now, not when the results come back: a take cannot hang under a version that is not the shot's.
    if (request.parentVersionId !== undefined && ctx.parentVersionShot(request.parentVersionId) !== shotId) {
      throw new ApiError(ApiErrorCode.versionParentInvalid, `parentVersionId ${request.parentVersionId} is not a version of shot ${shotId}`)
    }
    const useReferences = request.useReferences ?? true
    const references = useReferences ? inputs.references : []
    for (const reference of inputs.references) if (reference.shapeId !== undefined) weighted.delete(reference.shapeId)
    if (useReferences && inputs.problems.length > 0) throw new ApiError(ApiErrorCode.missingReference, `shot ${shotId}: ${inputs.problems[0]}`)
    for (const reference of references) {
      if (reference.assetId === undefined) continue
      const mimeType = ctx.assetMimeType(reference.assetId)
      if (mimeType === undefined) throw new ApiError(ApiErrorCode.missingReference, `shot ${shotId}: the ${reference.role} reference's file is not on this board any more`)
      if (reference.kind === 'image' && !mimeType.startsWith('image/')) throw new ApiError(ApiErrorCode.missingReference, `shot ${shotId}: the ${reference.role} reference's file is not an image (${mimeType})`)
      const weight = reference.shapeId === undefined ? undefined : request.referenceWeights?.[reference.shapeId]
      if (weight !== undefined && reference.role !== 'composition') reference.weight = weight
    }
    const composition = references.some((r) => r.role === 'composition' && r.kind === 'image')
    if (composition && model && !model.supportsImageToImage) {
      throw new ApiError(ApiErrorCode.missingReference, `shot ${shotId} has a composition reference, but ${model.name} cannot do image-to-image: pick another model or turn references off`)
    }
    if (request.strength !== undefined && !composition) {
      throw new ApiError(ApiErrorCode.missingReference, `shot ${shotId}: strength needs a composition reference on the shot`)
    }
    // The same size the generation form shows for the shot (one function, in shared).
    const size = request.width !== undefined && request.height !== undefined ? { width: request.width, height: request.height } : shotGenerationSize(inputs.props.aspect, model)
    const hasCameraMove = inputs.motion.some((m) => m.kind !== 'subject')
    const params: GenerationParamsInput = {
      // The words the generation form starts from, so a request without a prompt gets what the form would send.
      prompt: request.prompt ?? promptFromShot(inputs.props),
      negativePrompt: request.negativePrompt ?? '',
      seed: request.seed ?? freshSeed(ctx.takenSeeds(shotId), variations, draw),
      steps: request.steps ?? defaults.steps,
      guidance: request.guidance ?? defaults.guidance,
      ...size,
      variations,
      references,
      motion: inputs.motion,
    }
    if (model) params.modelId = model.id
    if (composition) params.strength = request.strength ?? DEFAULT_STRENGTH
    if (hasCameraMove && request.clip !== false) params.clip = { fps: CLIP_FPS, durationSeconds: Math.min(inputs.props.duration, MAX_CLIP_SECONDS) }
    if (request.parentVersionId !== undefined) params.parentVersionId = request.parentVersionId
    return { shotId, params }
  })
  const [stray] = weighted
  if (stray !== undefined) throw new ApiError(ApiErrorCode.missingReference, `referenceWeights names ${stray}, which is not a reference of the shot${request.shotIds.length > 1 ? 's' : ''} being generated`)
  return resolved
}
