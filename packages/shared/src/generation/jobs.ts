import { z } from 'zod'
import { MAX_MOTION_PATH_POINTS, MAX_URL_LENGTH, MOTION_PATH_MAX, MOTION_PATH_MIN } from '../storyboard/limits'
import { MOTION_KIND_IDS } from '../storyboard/motionShape'
import { REFERENCE_ROLE_IDS } from '../storyboard/vocabulary'
import { LATENT_FACTOR, MAX_GENERATION_SIDE, MIN_GENERATION_SIDE } from './generationSize'
import { modelIdSchema } from './modelManifest'
import { referenceUseSchema, referenceWeightSchema, type ReferenceUse } from './referenceUse'

/**
 * The generation job contract: what the server puts on the queue and what a worker reads back.
 * Both queue backends (BullMQ, embedded SQLite) validate job data against these schemas, and the
 * HTTP API will build on them.
 */

/** A job's lifecycle, as hosted generation APIs name it. */
export const generationJobStatuses = ['queued', 'running', 'succeeded', 'failed', 'canceled'] as const
export type GenerationJobStatus = (typeof generationJobStatuses)[number]

/** Statuses a job never leaves. */
export const finishedGenerationJobStatuses: readonly GenerationJobStatus[] = ['succeeded', 'failed', 'canceled']

/** 1 runs first; BullMQ's range, so both backends order the same way. */
export const minJobPriority = 1
export const maxJobPriority = 2_097_152
export const jobPrioritySchema = z.number().int().min(minJobPriority).max(maxJobPriority)

/** Most variations one request may ask for, per shot. */
export const MAX_VARIATIONS = 4

/**
 * A reference of the shot as the worker receives it: the server resolves the reference shape
 * to its asset, so the worker fetches bytes over HTTP (never a shared disk). A `composition`
 * reference gives image-to-image; the others are conditioning where the model supports it.
 */
export const jobReferenceSchema = z.object({
  role: z.enum(REFERENCE_ROLE_IDS),
  /** The board asset's id (sha256), when the reference is an uploaded image or clip. */
  assetId: z.string().regex(/^[0-9a-f]{64}$/u).optional(),
  /** Same-origin asset path (`/api/boards/…/assets/…`) or an http(s) URL. */
  src: z.string().min(1).max(MAX_URL_LENGTH),
  kind: z.enum(['image', 'video', 'link']),
  /** The reference shape on the board (what the form keys weights by). */
  shapeId: z.string().min(1).max(128).optional(),
  /** Image-prompt weight in [0, 1] (see referenceUse.ts); absent: the role's default. */
  weight: referenceWeightSchema.optional(),
})
export type JobReference = z.infer<typeof jobReferenceSchema>

/** A motion annotation of the shot, as data for the generator and the clip renderer. */
export const jobMotionSchema = z.object({
  kind: z.enum(MOTION_KIND_IDS),
  direction: z.number().min(0).lt(360),
  speed: z.number().min(0).max(1),
  strength: z.number().min(0).max(1),
  path: z.array(z.object({ x: z.number().min(MOTION_PATH_MIN).max(MOTION_PATH_MAX), y: z.number().min(MOTION_PATH_MIN).max(MOTION_PATH_MAX) })).max(MAX_MOTION_PATH_POINTS),
})
export type JobMotion = z.infer<typeof jobMotionSchema>

/** A short clip of the keyframe with the shot's camera moves (animated WebP). */
export const jobClipSchema = z.object({
  fps: z.number().int().min(1).max(30),
  durationSeconds: z.number().gt(0).max(30),
})
export type JobClip = z.infer<typeof jobClipSchema>

/** The longest prompt (and negative prompt) a generation takes, in UTF-16 code units as JavaScript counts a string. */
export const MAX_PROMPT_LENGTH = 2000

/** What a generation is asked to make. */
export const generationParamsSchema = z.object({
  prompt: z.string().min(1).max(MAX_PROMPT_LENGTH),
  negativePrompt: z.string().max(MAX_PROMPT_LENGTH).default(''),
  seed: z.number().int().min(0).max(0xffff_ffff),
  steps: z.number().int().min(1).max(100),
  guidance: z.number().min(0).max(30),
  width: z.number().int().min(MIN_GENERATION_SIDE).max(MAX_GENERATION_SIDE).multipleOf(LATENT_FACTOR),
  height: z.number().int().min(MIN_GENERATION_SIDE).max(MAX_GENERATION_SIDE).multipleOf(LATENT_FACTOR),
  /** Variation i uses seed `seed + i`; the results are siblings in the shot's version tree. */
  variations: z.number().int().min(1).max(MAX_VARIATIONS).default(1),
  /** Absent: the worker's default model (a real installed model, else the built-in one). */
  modelId: modelIdSchema.optional(),
  /** Image-to-image strength; only with a composition reference. */
  strength: z.number().gt(0).max(1).optional(),
  /** The shot's references, resolved to assets by the server. */
  references: z.array(jobReferenceSchema).max(32).default([]),
  /**
   * How each reference was used (image-to-image, image prompt, or ignored and why). Set on a
   * version's params by the worker's result, and on the job's own params as soon as a worker
   * has planned it (so a job that fails later still says); absent on a job that has not run.
   */
  referenceUse: z.array(referenceUseSchema).max(32).optional(),
  /** The shot's motion annotations. */
  motion: z.array(jobMotionSchema).max(32).default([]),
  /** Render a clip of the camera moves over each variation's image. */
  clip: jobClipSchema.optional(),
  /** The version the results branch from (children of it), or absent for the shot's root. */
  parentVersionId: z.string().min(1).max(200).optional(),
})
export type GenerationParams = z.infer<typeof generationParamsSchema>
export type GenerationParamsInput = z.input<typeof generationParamsSchema>

/** The job data a caller enqueues. */
export const generationJobDataSchema = z.object({
  boardId: z.string().min(1).max(128),
  shotId: z.string().min(1).max(128),
  /** User id of whoever started it (shown in the queue panel, used for per-user caps). */
  requestedBy: z.string().min(1).max(128),
  /** Their display name when they asked (the queue panel shows it; absent → the id). */
  requestedByName: z.string().max(200).optional(),
  params: generationParamsSchema,
  /**
   * The version the shot showed when the generation was asked for (null: none). The first take
   * replaces the shot's image only while that is still so, or while the shot shows a first take
   * another run put there, not once someone picked a take meanwhile. Absent on older jobs: the
   * first take is then shown as before.
   */
  shownWhenAsked: z.string().max(200).nullable().optional(),
})
export type GenerationJobData = z.infer<typeof generationJobDataSchema>
export type GenerationJobDataInput = z.input<typeof generationJobDataSchema>

/**
 * `{ ...data, ...fields }` (fields win): a queue's view of a job, built once per job event.
 * `Object.assign` because on Node 20's V8 a spread followed by more properties costs 2–10 µs
 * per object, against ~0.4 µs here.
 */
export function withJobData<Fields extends object>(data: GenerationJobData, fields: Fields): GenerationJobData & Fields {
  return Object.assign({}, data, fields)
}

/** `data` with how its references are used recorded on its params (what a queue stores, see `JobContext`). */
export function withReferenceUse(data: GenerationJobData, referenceUse: ReferenceUse[]): GenerationJobData {
  return { ...data, params: { ...data.params, referenceUse } }
}

/** A job as a queue reports it. `Result` is what the worker returned on success. */
export interface GenerationJob<Result = unknown> extends GenerationJobData {
  id: string
  priority: number
  status: GenerationJobStatus
  /** How many times a worker started it (1 on the first run). */
  attempts: number
  /** 0..1, as last reported by the worker. */
  progress: number
  /** Why it failed: the worker's typed failure as JSON (generationFailures.ts; free text on older jobs), never shown as is; set only when `status` is `failed`. */
  error?: string
  /** Why it was canceled, when `cancel` was given a reason; set only when `status` is `canceled`. */
  canceledReason?: string
  /** Set only when `status` is `succeeded`. */
  result?: Result
  createdAt: number
  startedAt?: number
  finishedAt?: number
}
