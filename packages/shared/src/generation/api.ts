import { z } from 'zod'
import { MAX_ID_LENGTH } from '../storyboard/limits'
import { generationJobStatuses, jobMotionSchema, jobReferenceSchema, MAX_PROMPT_LENGTH, MAX_VARIATIONS } from './jobs'
import { modelFamilies, modelIdSchema } from './modelManifest'
import { referenceUseSchema, referenceWeightSchema } from './referenceUse'

/**
 * The generations HTTP API (see docs/generation-api.md):
 *
 * - `POST /api/boards/:boardId/generations` → 202 {@link CreateGenerationsResponse}
 *   (`Idempotency-Key` header honoured: the same key and body return the same generations)
 * - `GET /api/boards/:boardId/generations` → {@link GenerationListResponse}
 * - `GET /api/boards/:boardId/generations/:generationId` → {@link GenerationView}
 * - `POST /api/boards/:boardId/generations/:generationId/cancel` → 202 {@link GenerationView}, 409 when finished
 * - `GET /api/boards/:boardId/events` → server-sent events (see `events.ts`)
 * - `GET /api/models` → {@link ModelListResponse}
 * - `GET /api/openapi.json` → the OpenAPI document of the whole API
 */

/** Most shots one request may generate for. */
export const MAX_SHOTS_PER_REQUEST = 50
/** Header carrying the client's idempotency key (any string of 1–200 visible characters). */
export const IDEMPOTENCY_KEY_HEADER = 'Idempotency-Key'
/**
 * Headers naming the person in local mode (no accounts): the canvas sends its local identity
 * (id, and the percent-encoded display name), so per-person caps and "who started it" work.
 * With accounts the signed-in account wins.
 */
export const USER_ID_HEADER = 'X-Storyloom-User'
export const USER_NAME_HEADER = 'X-Storyloom-User-Name'
export const idempotencyKeySchema = z.string().regex(/^[\x21-\x7e]{1,200}$/u, 'an idempotency key is 1 to 200 visible ASCII characters')

/** A tldraw shape id of a shot (`shape:…`). */
export const shotIdSchema = z.string().regex(/^shape:[\w-]{1,100}$/u, 'not a shot id (shape:…)')

/** A generation id, as the server makes them. */
export const generationIdSchema = z.string().min(1).max(MAX_ID_LENGTH)

/**
 * Body of `POST /api/boards/:boardId/generations`. Everything but `shotIds` is optional: the
 * server fills what is missing from each shot (prompt from its action and camera, size from
 * its aspect ratio and the model's defaults, references and motion annotations from the board)
 * and from the model (steps, guidance). One generation is made per shot.
 */
export const createGenerationsRequestSchema = z.object({
  shotIds: z.array(shotIdSchema).min(1, 'select at least one shot').max(MAX_SHOTS_PER_REQUEST, `at most ${MAX_SHOTS_PER_REQUEST} shots per request`),
  /** Absent: built from each shot's action and camera. With several shots, used for all. */
  prompt: z.string().trim().min(1).max(MAX_PROMPT_LENGTH).optional(),
  negativePrompt: z.string().max(MAX_PROMPT_LENGTH).optional(),
  /** Absent: the workers' default model. */
  modelId: modelIdSchema.optional(),
  /** Variation i uses `seed + i`. Absent: random, drawn so no take it makes has the seed of one of the shot's takes. */
  seed: z.number().int().min(0).max(0xffff_ffff).optional(),
  steps: z.number().int().min(1).max(100).optional(),
  guidance: z.number().min(0).max(30).optional(),
  /** Both or neither; absent: the shot's aspect ratio at the model's default size. Multiples of 64 work with every model. */
  width: z.number().int().optional(),
  height: z.number().int().optional(),
  /** How many takes per shot (siblings in the version tree). */
  variations: z.number().int().min(1).optional(),
  /** Image-to-image strength with a composition reference (0, 1]; default 0.6. */
  strength: z.number().gt(0).max(1).optional(),
  /** Pass the shot's references (default true). */
  useReferences: z.boolean().optional(),
  /** Image-prompt weight per reference shape id (`shape:…`), 0 to 1; absent: the role's default. */
  referenceWeights: z.record(z.string().regex(/^shape:[\w-]{1,100}$/u, 'not a reference shape id (shape:…)'), referenceWeightSchema).optional(),
  /** Also render a clip of the shot's camera moves when it has any (default true). */
  clip: z.boolean().optional(),
  /** Branch the results from this version of the shot (only with one shot). */
  parentVersionId: z.string().min(1).max(MAX_ID_LENGTH).optional(),
})
export type CreateGenerationsRequest = z.input<typeof createGenerationsRequestSchema>

/** Who started a generation, as the queue panel shows it. */
export const generationAuthorSchema = z.object({ id: z.string(), name: z.string() })

/** A model as the API describes it. */
export const modelViewSchema = z.object({
  id: modelIdSchema,
  name: z.string(),
  family: z.enum(modelFamilies),
  license: z.string(),
  nonCommercial: z.boolean(),
  /** The project's own small model: the UI says so next to its results. */
  builtIn: z.boolean(),
  supportsImageToImage: z.boolean(),
  /** Has an image encoder and a UNet that takes image embeddings: style, character, location and prop references condition it. */
  supportsImagePrompts: z.boolean().default(false),
  /** The model used when a request names none. */
  isDefault: z.boolean(),
  defaults: z.object({ steps: z.number().int(), guidance: z.number(), width: z.number().int(), height: z.number().int() }),
})
export type ModelView = z.infer<typeof modelViewSchema>

/** Body of `GET /api/models`: models at least one live worker can run. */
export const modelListResponseSchema = z.object({
  models: z.array(modelViewSchema),
  /** Workers seen in the last minute (0: generations wait until one starts). */
  workers: z.number().int().nonnegative(),
  /**
   * The last `pnpm worker` that stopped at start because of its own set-up (a STORYLOOM_MODEL
   * that is not installed), with its one line and when (epoch ms): why none may be ready. Null
   * when none did since the server started, or a worker has started since. Workers that could
   * not reach this server, or that it refused (a wrong token), cannot report here.
   */
  lastRefusal: z.object({ reason: z.string(), at: z.number() }).nullable().default(null),
})
export type ModelListResponse = z.infer<typeof modelListResponseSchema>

/** One output of a generation: a take recorded as a version of the shot. */
export const generationResultSchema = z.object({
  variationIndex: z.number().int().nonnegative(),
  seed: z.number().int(),
  /** The version this take was recorded as (null until the version store records it). */
  versionId: z.string().nullable(),
  image: z.object({ assetId: z.string(), url: z.string(), width: z.number().int(), height: z.number().int() }),
  /** The camera-move clip over this take, when one was rendered. */
  clip: z.object({ assetId: z.string(), url: z.string() }).optional(),
})
export type GenerationResult = z.infer<typeof generationResultSchema>

/** The model that made (or is making) a generation. */
export const generationModelSchema = z.object({ id: z.string(), name: z.string(), builtIn: z.boolean() })
export type GenerationModel = z.infer<typeof generationModelSchema>

/** What the parameters resolved to for one shot (what the worker runs). */
export const resolvedGenerationParamsSchema = z.object({
  prompt: z.string(),
  negativePrompt: z.string(),
  modelId: z.string().optional(),
  seed: z.number().int(),
  steps: z.number().int(),
  guidance: z.number(),
  width: z.number().int(),
  height: z.number().int(),
  variations: z.number().int().min(1).max(MAX_VARIATIONS),
  strength: z.number().optional(),
  references: z.array(jobReferenceSchema),
  motion: z.array(jobMotionSchema),
  clip: z.object({ fps: z.number().int(), durationSeconds: z.number() }).optional(),
  parentVersionId: z.string().optional(),
})

/** A generation as the API returns it. Times are epoch milliseconds. */
export const generationViewSchema = z.object({
  id: generationIdSchema,
  boardId: z.string(),
  shotId: z.string(),
  status: z.enum(generationJobStatuses),
  /** 1-based place among the queued generations of all boards, while `queued`. */
  position: z.number().int().positive().nullable(),
  requestedBy: generationAuthorSchema,
  params: resolvedGenerationParamsSchema,
  /** 0..1. */
  progress: z.number().min(0).max(1),
  attempts: z.number().int().nonnegative(),
  /** Known once a worker has started it. */
  model: generationModelSchema.nullable(),
  results: z.array(generationResultSchema),
  /** How the worker used each reference (known once it has succeeded). */
  referenceUse: z.array(referenceUseSchema).optional(),
  /**
   * While `running`: when the server found its worker lost (`worker_lost`), so a client that
   * loads the list then shows the same notice; absent once another event of it came (the queue
   * moved it again) or the server restarted. Kept in the server's memory, never stored.
   */
  workerLostAt: z.number().optional(),
  /**
   * Why the server canceled it, when no person did (e.g. "the shot was deleted": its shot went
   * while it was being queued, or while the server was down); set only when `status` is `canceled`.
   */
  canceledReason: z.string().optional(),
  /** Why it failed, in plain words for people (`code`: see generationFailures.ts); set only when `status` is `failed`. */
  error: z.object({ code: z.string(), message: z.string() }).nullable(),
  createdAt: z.number(),
  startedAt: z.number().nullable(),
  finishedAt: z.number().nullable(),
  /** Where to GET this generation and where to POST its cancel. */
  statusUrl: z.string(),
  cancelUrl: z.string(),
})
export type GenerationView = z.infer<typeof generationViewSchema>

/** Body of the 202 answer to a create: one generation per shot, in request order. */
export const createGenerationsResponseSchema = z.object({ generations: z.array(generationViewSchema) })
export type CreateGenerationsResponse = z.infer<typeof createGenerationsResponseSchema>

/** Query of `GET /api/boards/:boardId/generations`. */
export const generationListQuerySchema = z.object({
  status: z.enum(generationJobStatuses).optional(),
  shotId: shotIdSchema.optional(),
})

/** Body of `GET /api/boards/:boardId/generations`: oldest first. */
export const generationListResponseSchema = z.object({ generations: z.array(generationViewSchema) })
export type GenerationListResponse = z.infer<typeof generationListResponseSchema>

/** Paths of a generation, for `statusUrl` / `cancelUrl` and clients. */
export function generationUrl(boardId: string, generationId: string): string {
  return `/api/boards/${boardId}/generations/${encodeURIComponent(generationId)}`
}
