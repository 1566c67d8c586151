import type { TLShapeId } from 'tldraw'
import { createGenerationsRequestSchema, type CreateGenerationsRequest, type ModelView } from '@storyloom/shared/generation/api'
import { shotGenerationSize, type GenerationSize } from '@storyloom/shared/generation/generationSize'
import { MAX_PROMPT_LENGTH, MAX_VARIATIONS } from '@storyloom/shared/generation/jobs'
import type { AspectRatio } from '@storyloom/shared/storyboard/vocabulary'
import { compositionReference, type ShotGenerationInputs } from './shotGenerationInputs'
import { isUploading } from './referencePlan'
import type { GenerationFormRequest } from './generationFormRequest'

/**
 * The generation form's state and how it becomes one validated create request per shot. Kept
 * apart from the React form so the rules (defaults from the model, image-to-image only with a
 * composition reference, turbo strength × steps) are tested without a browser.
 *
 * One request per shot, because each shot has its own (edited) prompt and the API's `prompt`
 * applies to every shot of a request.
 */

/** One shot in the form: its prefilled, editable prompt and what it brings from the board. */
export interface ShotDraft {
  shotId: TLShapeId
  /** The shot's number in the sequence ("3", "12B"); empty when it has none. */
  number: string
  /** The shot's title as typed; may be empty. */
  title: string
  aspect: AspectRatio
  prompt: string
  inputs: ShotGenerationInputs
  /** The shot has a camera move (its camera line or a motion annotation): a clip can be rendered. */
  hasCameraMove: boolean
}

/** Size presets, as multiples of the model's own pixel count. */
export const SIZE_SCALES = [
  { id: 'draft', label: 'Draft', scale: 0.5 },
  { id: 'standard', label: 'Standard', scale: 1 },
  { id: 'large', label: 'Large', scale: 1.5 },
] as const
export type SizeScaleId = (typeof SIZE_SCALES)[number]['id']

/** The settings every selected shot shares. */
export interface GenerationSettings {
  negativePrompt: string
  modelId: string
  seedMode: 'random' | 'fixed'
  /** Used when `seedMode` is `'fixed'`; kept while random so switching back restores it. */
  seed: number
  steps: number
  guidance: number
  variations: number
  sizeScale: SizeScaleId
  /** Image-to-image strength for shots with a composition reference: near 0 keeps it, 1 ignores it. */
  strength: number
  useReferences: boolean
  /** Image-prompt weights the person set, by reference shape id (others take their role's default). */
  referenceWeights: Record<string, number>
  /** Render a clip of the camera move for shots that have one. */
  clip: boolean
}

/** Steps and guidance when no model is known yet: suits few-step turbo/LCM models. */
const FALLBACK_STEPS = 4
const FALLBACK_GUIDANCE = 1

/** Settings for a fresh form, from the model's own defaults. */
export function initialSettings(model: ModelView | undefined): GenerationSettings {
  return {
    negativePrompt: '',
    modelId: model?.id ?? '',
    seedMode: 'random',
    seed: randomSeed(),
    steps: model?.defaults.steps ?? FALLBACK_STEPS,
    guidance: model?.defaults.guidance ?? FALLBACK_GUIDANCE,
    variations: 1,
    sizeScale: 'standard',
    strength: 0.6,
    useReferences: true,
    referenceWeights: {},
    clip: true,
  }
}

/** Settings after the user picks another model: its defaults replace the previous model's. */
export function withModel(settings: GenerationSettings, model: ModelView): GenerationSettings {
  return { ...settings, modelId: model.id, steps: model.defaults.steps, guidance: model.defaults.guidance }
}

/**
 * The settings with what "Iterate from here" brought from a take laid over them. The take's
 * seed is only offered: the form stays on a random seed unless the person picks Fixed (which
 * then shows the take's seed), and the count of variations is the form's own, not the take's
 * run's. Kept as they were, the same prompt would re-make the take and its siblings.
 */
export function prefilledSettings(settings: GenerationSettings, params: GenerationFormRequest['params']): GenerationSettings {
  if (!params) return settings
  return {
    ...settings,
    ...(params.negativePrompt !== undefined && { negativePrompt: params.negativePrompt }),
    ...(params.seed !== undefined && { seed: params.seed }),
    ...(params.steps !== undefined && { steps: params.steps }),
    ...(params.guidance !== undefined && { guidance: params.guidance }),
    ...(params.strength !== undefined && { strength: params.strength }),
  }
}

/** The model a fresh form starts with: the workers' default, else the first one. */
export function defaultModel(models: readonly ModelView[]): ModelView | undefined {
  return models.find((m) => m.isDefault) ?? models[0]
}

/** The largest seed the contract takes (seeds are unsigned 32-bit integers). */
const MAX_SEED = 0xffff_ffff

/** A seed in the contract's range (an unsigned 32-bit integer). */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}

/** The pixel size a shot is generated at with these settings and model. */
export function shotSize(draft: Pick<ShotDraft, 'aspect'>, settings: Pick<GenerationSettings, 'sizeScale'>, model: ModelView | undefined): GenerationSize {
  const scale = SIZE_SCALES.find((s) => s.id === settings.sizeScale)?.scale ?? 1
  return shotGenerationSize(draft.aspect, model, scale)
}

/** Where a problem is: a shot's prompt, one of the shared settings, or the form as a whole. */
export type FormProblemField = `prompt:${TLShapeId}` | keyof GenerationSettings | 'form'

/** A problem to show next to its field. */
export interface FormProblem {
  field: FormProblemField
  message: string
  /** The shot a refusal of the whole form was about, named before the message when several were sent. */
  shotId?: TLShapeId
}

/** A validated create request for one shot. */
export interface ShotGenerationRequest {
  shotId: TLShapeId
  body: CreateGenerationsRequest
}

/**
 * What to tell about a prompt (or negative prompt) over the limit, counted as sent (trimmed):
 * how much to cut. The form's fields never cut a paste themselves; this is said beside the field
 * as soon as it is too long, and the form is refused with it.
 */
export function promptLengthProblem(text: string, what: 'prompt' | 'negative prompt'): string | undefined {
  const length = text.trim().length
  if (length <= MAX_PROMPT_LENGTH) return undefined
  return `At most ${MAX_PROMPT_LENGTH} characters: this ${what} has ${length}. Shorten it by ${length - MAX_PROMPT_LENGTH}.`
}

/** The prompts and the negative prompt over the limit, with how much to cut each (see {@link promptLengthProblem}). */
export function lengthProblems(drafts: readonly Pick<ShotDraft, 'shotId' | 'prompt'>[], settings: Pick<GenerationSettings, 'negativePrompt'>): FormProblem[] {
  const problems: FormProblem[] = []
  for (const draft of drafts) {
    const message = promptLengthProblem(draft.prompt, 'prompt')
    if (message) problems.push({ field: `prompt:${draft.shotId}`, message })
  }
  const negative = promptLengthProblem(settings.negativePrompt, 'negative prompt')
  if (negative) problems.push({ field: 'negativePrompt', message: negative })
  return problems
}

/**
 * One create request per shot, validated with the shared contract; or the problems to show.
 * A random seed is left to the server, which draws one per shot that none of the shot's takes
 * has: two shots of one batch, or an iteration on an unchanged prompt, never look alike by accident.
 */
export function buildRequests(
  drafts: readonly ShotDraft[],
  settings: GenerationSettings,
  model: ModelView | undefined,
  options: { parentVersionId?: string } = {},
): { ok: true; requests: ShotGenerationRequest[] } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = []
  const add = (problem: FormProblem) => {
    if (!problems.some((p) => p.field === problem.field)) problems.push(problem)
  }
  if (drafts.length === 0) add({ field: 'form', message: 'Select at least one shot to generate.' })
  if (!model) add({ field: 'modelId', message: 'No model is available: generations start once a worker is running.' })
  if (!Number.isInteger(settings.variations) || settings.variations < 1 || settings.variations > MAX_VARIATIONS) {
    add({ field: 'variations', message: `Variations: 1 to ${MAX_VARIATIONS} per shot.` })
  }
  // Said in the contract's terms, not the number type's (whose limit a huge number hits first).
  if (settings.seedMode === 'fixed' && !(Number.isInteger(settings.seed) && settings.seed >= 0 && settings.seed <= MAX_SEED)) {
    add({ field: 'seed', message: `Seed: a whole number from 0 to ${MAX_SEED}.` })
  }
  // Generating now would leave the picture out (the server reads the board as it is).
  if (settings.useReferences && drafts.some((d) => d.inputs.references.some(isUploading))) {
    add({ field: 'useReferences', message: 'A reference is still uploading: generate once it is on the board, or turn references off.' })
  }
  const usesImageToImage = settings.useReferences && drafts.some((d) => compositionReference(d.inputs))
  // Few-step samplers run steps × strength of the steps: below one step nothing would change.
  if (usesImageToImage && settings.steps * settings.strength < 1) {
    const steps = `${settings.steps} step${settings.steps === 1 ? '' : 's'}`
    add({ field: 'strength', message: `With ${steps}, strength must be at least ${ceil2(1 / settings.steps)} (or add steps).` })
  }
  const negativeTooLong = promptLengthProblem(settings.negativePrompt, 'negative prompt')
  if (negativeTooLong) add({ field: 'negativePrompt', message: negativeTooLong })
  const requests: ShotGenerationRequest[] = []
  for (const draft of drafts) {
    const prompt = draft.prompt.trim()
    if (!prompt) add({ field: `prompt:${draft.shotId}`, message: 'Write a prompt for this shot.' })
    const tooLong = promptLengthProblem(prompt, 'prompt')
    if (tooLong) add({ field: `prompt:${draft.shotId}`, message: tooLong })
    const weights = settings.useReferences ? draftWeights(draft, settings.referenceWeights) : undefined
    const candidate: CreateGenerationsRequest = {
      shotIds: [draft.shotId],
      prompt,
      negativePrompt: settings.negativePrompt.trim(),
      modelId: settings.modelId,
      ...(settings.seedMode === 'fixed' ? { seed: settings.seed } : {}),
      steps: settings.steps,
      guidance: settings.guidance,
      ...shotSize(draft, settings, model),
      variations: settings.variations,
      useReferences: settings.useReferences,
      clip: settings.clip,
      ...(settings.useReferences && compositionReference(draft.inputs) ? { strength: settings.strength } : {}),
      ...(weights ? { referenceWeights: weights } : {}),
      ...(options.parentVersionId ? { parentVersionId: options.parentVersionId } : {}),
    }
    const parsed = createGenerationsRequestSchema.safeParse(candidate)
    if (parsed.success) {
      requests.push({ shotId: draft.shotId, body: parsed.data })
      continue
    }
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form')
      // Said above, in the user's words; a prompt problem not foreseen there still stops the form, at the shot.
      if (key === 'prompt') add({ field: `prompt:${draft.shotId}`, message: `Prompt: ${issue.message}` })
      else add({ field: SETTINGS_FIELDS[key] ?? 'form', message: `${FIELD_LABELS[key] ?? key}: ${issue.message}` })
    }
  }
  // Every shot gets its request or a problem: a form that closes having started nothing hid the refusal.
  return problems.length > 0 ? { ok: false, problems } : { ok: true, requests }
}

const SETTINGS_FIELDS: Partial<Record<string, keyof GenerationSettings>> = {
  negativePrompt: 'negativePrompt',
  seed: 'seed',
  steps: 'steps',
  guidance: 'guidance',
  variations: 'variations',
  modelId: 'modelId',
  strength: 'strength',
  width: 'sizeScale',
  height: 'sizeScale',
}

const FIELD_LABELS: Partial<Record<string, string>> = {
  negativePrompt: 'Negative prompt',
  seed: 'Seed',
  steps: 'Steps',
  guidance: 'Guidance',
  variations: 'Variations',
  modelId: 'Model',
  strength: 'Strength',
  width: 'Width',
  height: 'Height',
}

/** The weights set for this shot's own references (the server refuses weights for others), or undefined. */
function draftWeights(draft: ShotDraft, weights: Readonly<Record<string, number>>): Record<string, number> | undefined {
  const own = draft.inputs.references.flatMap((r) => (weights[r.shapeId] === undefined || r.role === 'composition' ? [] : [[r.shapeId, weights[r.shapeId]!] as const]))
  return own.length > 0 ? Object.fromEntries(own) : undefined
}

function ceil2(value: number): number {
  return Math.ceil(value * 100) / 100
}
