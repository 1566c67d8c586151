import type { TLShapeId } from 'tldraw'
import { generationParamsSchema, type GenerationParams } from '@storyloom/shared/generation/jobs'
import type { ModelManifest } from '@storyloom/shared/generation/modelManifest'
import type { AspectRatio } from '@storyloom/shared/storyboard/vocabulary'
import { DEFAULT_BASE_SIZE, sizeForAspect, type GenerationSize } from './generationSize'
import { compositionReference, type ShotGenerationInputs } from './shotGenerationInputs'

/**
 * The generation form's state and how it becomes one validated request per shot. Kept apart
 * from the React form so the rules (defaults from the model, image-to-image only with a
 * composition reference, turbo strength × steps) are tested without a browser.
 */

/** One shot in the form: its prefilled, editable prompt and what it brings from the board. */
export interface ShotDraft {
  shotId: TLShapeId
  /** "Shot 3 — Rooftop chase", as the form lists it. */
  label: string
  aspect: AspectRatio
  prompt: string
  inputs: ShotGenerationInputs
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
  /** Image-to-image strength for shots with a composition reference: 0 keeps it, 1 ignores it. */
  strength: number
}

/** Steps and guidance when neither the model nor the user says: suits few-step turbo/LCM models. */
const FALLBACK_STEPS = 4
const FALLBACK_GUIDANCE = 1

/** Settings for a fresh form, from the model's own defaults. */
export function initialSettings(model: ModelManifest | undefined): GenerationSettings {
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
  }
}

/** Settings after the user picks another model: its defaults replace the previous model's. */
export function withModel(settings: GenerationSettings, model: ModelManifest): GenerationSettings {
  return {
    ...settings,
    modelId: model.id,
    steps: model.defaults.steps ?? settings.steps,
    guidance: model.defaults.guidance ?? settings.guidance,
  }
}

/** A seed in the contract's range (an unsigned 32-bit integer). */
export function randomSeed(): number {
  return crypto.getRandomValues(new Uint32Array(1))[0]!
}

/** The pixel size a shot is generated at with these settings and model. */
export function shotSize(draft: Pick<ShotDraft, 'aspect'>, settings: Pick<GenerationSettings, 'sizeScale'>, model: ModelManifest | undefined): GenerationSize {
  const { width = DEFAULT_BASE_SIZE.width, height = DEFAULT_BASE_SIZE.height } = model?.defaults ?? {}
  const scale = SIZE_SCALES.find((s) => s.id === settings.sizeScale)?.scale ?? 1
  return sizeForAspect(draft.aspect, { width, height }, scale)
}

/** Where a problem is: a shot's prompt, or one of the shared settings. */
export type FormProblemField = `prompt:${TLShapeId}` | keyof GenerationSettings | 'form'

/** A problem to show next to its field before anything is sent. */
export interface FormProblem {
  field: FormProblemField
  message: string
}

/** A validated request for one shot. */
export interface ShotGenerationRequest {
  shotId: TLShapeId
  params: GenerationParams
}

/**
 * One request per shot, validated with the shared contract; or the problems to show. A random
 * seed is drawn per shot, so two shots of one batch never look alike by accident.
 */
export function buildRequests(
  drafts: readonly ShotDraft[],
  settings: GenerationSettings,
  model: ModelManifest | undefined,
  drawSeed: () => number = randomSeed,
): { ok: true; requests: ShotGenerationRequest[] } | { ok: false; problems: FormProblem[] } {
  const problems: FormProblem[] = []
  if (drafts.length === 0) problems.push({ field: 'form', message: 'Select at least one shot to generate.' })
  if (!model) problems.push({ field: 'modelId', message: 'Choose a model. No model is available yet: is a worker running?' })
  const usesImageToImage = drafts.some((d) => compositionReference(d.inputs))
  // Few-step samplers skip every step below 1 / strength: fewer than one step would do nothing.
  if (usesImageToImage && settings.steps * settings.strength < 1) {
    problems.push({
      field: 'strength',
      message: `With ${settings.steps} step${settings.steps === 1 ? '' : 's'}, strength must be at least ${ceil2(1 / settings.steps)} (or add steps).`,
    })
  }
  const requests: ShotGenerationRequest[] = []
  for (const draft of drafts) {
    const composition = compositionReference(draft.inputs)
    const candidate = {
      prompt: draft.prompt.trim(),
      negativePrompt: settings.negativePrompt.trim(),
      seed: settings.seedMode === 'fixed' ? settings.seed : drawSeed(),
      steps: settings.steps,
      guidance: settings.guidance,
      ...shotSize(draft, settings, model),
      variations: settings.variations,
      modelId: settings.modelId,
      ...(composition ? { strength: settings.strength } : {}),
      references: draft.inputs.references.map(({ shapeId, role }) => ({ shapeId, role })),
      motion: draft.inputs.motion,
    }
    const parsed = generationParamsSchema.safeParse(candidate)
    if (parsed.success) {
      requests.push({ shotId: draft.shotId, params: parsed.data })
      continue
    }
    for (const issue of parsed.error.issues) {
      const key = String(issue.path[0] ?? 'form')
      const field: FormProblemField = key === 'prompt' ? `prompt:${draft.shotId}` : settingsFieldOf(key)
      const message = key === 'prompt' && draft.prompt.trim() === '' ? 'Write a prompt for this shot.' : `${fieldLabel(key)}: ${issue.message}`
      if (!problems.some((p) => p.field === field)) problems.push({ field, message })
    }
  }
  return problems.length > 0 ? { ok: false, problems } : { ok: true, requests }
}

const SETTINGS_FIELDS: Record<string, keyof GenerationSettings> = {
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

function settingsFieldOf(key: string): FormProblemField {
  return SETTINGS_FIELDS[key] ?? 'form'
}

const FIELD_LABELS: Record<string, string> = {
  prompt: 'Prompt',
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

function fieldLabel(key: string): string {
  return FIELD_LABELS[key] ?? key
}

function ceil2(value: number): number {
  return Math.ceil(value * 100) / 100
}
