import { z } from 'zod'
import { generationModelSchema, modelViewSchema } from './api'
import { referenceUseSchema } from './referenceUse'

/**
 * How a GPU worker talks to the server. Workers may run on other machines, so everything goes
 * over HTTP with the worker token (`Authorization: Bearer <token>`), never through a shared
 * disk; only the queue itself and live signals (progress, previews) use Redis.
 *
 * - `POST /api/worker/heartbeat` {@link WorkerHeartbeat} → 204: which models this worker runs
 *   (what `GET /api/models` lists) and which jobs it is running. Sent at start, every
 *   {@link WORKER_HEARTBEAT_MS}, and every {@link WORKER_BUSY_HEARTBEAT_MS} while it runs a job.
 * - `POST /api/worker/refusal` {@link WorkerRefusal} → 204: a worker stopping at start on its
 *   own set-up (a STORYLOOM_MODEL not installed) says why; `GET /api/models` reports it.
 * - `POST /api/worker/leave` {@link WorkerLeave} → 204: the worker is stopping (its jobs are done
 *   or given back), so it no longer counts; a heartbeat after it brings it back.
 * - `POST /api/worker/jobs/:jobId/claim` → 200 {@link WorkerClaimResponse}: sent on taking a job
 *   up, before anything else: whether to run it (its board and shot still exist) or drop it.
 * - `GET  /api/worker/jobs/:jobId/references/:index` → the bytes of a job's reference asset.
 * - `POST /api/worker/jobs/:jobId/assets` raw bytes (`image/png`, `image/webp`, `image/jpeg`)
 *   → 201 {@link WorkerAssetResponse}: content-addressed, so re-uploading is harmless.
 * - `POST /api/worker/jobs/:jobId/results` {@link WorkerResultCommit} → 200
 *   {@link WorkerResultCommitResponse}: records one take as a version of the shot and switches
 *   the shot's media. Idempotent on (jobId, variationIndex): a retried job never duplicates.
 *
 * On Redis a worker names its BullMQ consumer (`Worker` option `name`) with its `workerId`: the
 * server reads which workers are connected (CLIENT LIST) and who runs which job (`processedBy`)
 * from Redis, which sees a killed worker's connection close at once.
 */

/** Header carrying the worker token. */
export const WORKER_AUTH_HEADER = 'Authorization'
/** How often a worker re-announces itself; the server forgets a worker after three missed beats. */
export const WORKER_HEARTBEAT_MS = 10_000
/**
 * How often a worker that is running a job re-announces itself (with the job's id), so the
 * server can tell everyone within seconds that the worker running a generation is gone.
 */
export const WORKER_BUSY_HEARTBEAT_MS = 2_000
/**
 * After this long without a heartbeat from the worker running a job, the server tells the board
 * that the worker was lost (`worker_lost`): four busy beats missed.
 */
export const WORKER_LOST_AFTER_MS = 4 * WORKER_BUSY_HEARTBEAT_MS
/** Longest token accepted. */
export const WORKER_TOKEN_MAX_LENGTH = 256
export const workerTokenSchema = z.string().min(32, 'a worker token has at least 32 characters').max(WORKER_TOKEN_MAX_LENGTH)

/** Body of `POST /api/worker/heartbeat`. */
export const workerHeartbeatSchema = z.object({
  /** Stable for the life of the worker process. */
  workerId: z.string().min(1).max(128),
  /** onnxruntime execution provider in use, e.g. `cuda` or `cpu`. */
  device: z.string().max(32),
  models: z.array(modelViewSchema).max(200),
  /** The jobs it is running now (absent from workers older than this field). */
  jobs: z.array(z.string().min(1).max(128)).max(16).optional(),
  /**
   * Sent in its first heartbeat (separate workers open their queue consumer's connection before
   * it; again until one reaches the server): the server watches that connection from then on, so
   * a worker killed at any time after it is counted leaves the count within seconds.
   */
  queueConnected: z.literal(true).optional(),
})
export type WorkerHeartbeat = z.infer<typeof workerHeartbeatSchema>

/**
 * Body of `POST /api/worker/refusal`: a worker that stops at start because of its own set-up
 * (its STORYLOOM_MODEL is not installed) says why, with the line it printed, so the boards can
 * tell people why no worker is ready and what to do. Best effort: it exits either way.
 */
export const workerRefusalSchema = z.object({ reason: z.string().min(1).max(1000) })
export type WorkerRefusal = z.infer<typeof workerRefusalSchema>

/** Body of `POST /api/worker/leave`. */
export const workerLeaveSchema = workerHeartbeatSchema.pick({ workerId: true })
export type WorkerLeave = z.infer<typeof workerLeaveSchema>

/**
 * Body of a 200 from `POST /api/worker/heartbeat`: where the server's jobs wait, so a worker can
 * tell at start that it watches the wrong queue. `queue` is null when the server runs its
 * generations in-process (no REDIS_URL): a separate worker then gets no job.
 */
export const workerHeartbeatResponseSchema = z.object({
  queue: z.object({ redisPrefix: z.string() }).nullable(),
})
export type WorkerHeartbeatResponse = z.infer<typeof workerHeartbeatResponseSchema>

/** Media types a worker may upload. */
export const WORKER_UPLOAD_TYPES = ['image/png', 'image/webp', 'image/jpeg'] as const

/** Body of a 201 from `POST /api/worker/jobs/:jobId/assets`. */
export const workerAssetResponseSchema = z.object({ assetId: z.string(), url: z.string() })
export type WorkerAssetResponse = z.infer<typeof workerAssetResponseSchema>

/** Body of `POST /api/worker/jobs/:jobId/results`: one take, after its assets were uploaded. */
export const workerResultCommitSchema = z.object({
  variationIndex: z.number().int().nonnegative(),
  seed: z.number().int().nonnegative(),
  model: generationModelSchema,
  image: z.object({ assetId: z.string().regex(/^[0-9a-f]{64}$/u), width: z.number().int().positive(), height: z.number().int().positive() }),
  clip: z.object({ assetId: z.string().regex(/^[0-9a-f]{64}$/u) }).optional(),
  /** What the worker could not honour (e.g. subject paths in clips, references the model ignores). */
  notes: z.array(z.string().max(500)).max(20).default([]),
  /** How each of the job's references was used (recorded on the take's params). */
  referenceUse: z.array(referenceUseSchema).max(32).default([]),
})
export type WorkerResultCommit = z.input<typeof workerResultCommitSchema>

/** Answer to a result commit. */
export const workerResultCommitResponseSchema = z.object({ versionId: z.string().nullable(), created: z.boolean() })
export type WorkerResultCommitResponse = z.infer<typeof workerResultCommitResponseSchema>

/** What a job handler returns: the queue keeps it as the job's result. */
export const workerJobResultSchema = z.object({
  model: generationModelSchema,
  /** How each of the job's references was used (absent in results of older workers). */
  referenceUse: z.array(referenceUseSchema).optional(),
  results: z.array(
    z.object({
      variationIndex: z.number().int().nonnegative(),
      seed: z.number().int(),
      versionId: z.string().nullable(),
      image: z.object({ assetId: z.string(), width: z.number().int(), height: z.number().int() }),
      clip: z.object({ assetId: z.string() }).optional(),
    }),
  ),
})
export type WorkerJobResult = z.infer<typeof workerJobResultSchema>

/**
 * Answer to `POST /api/worker/jobs/:jobId/claim`, which a worker sends when it takes a job up,
 * before loading a model: `run: false` when the job's board or shot was deleted meanwhile (or
 * the board cannot be written by this server) — the server has canceled it with `reason` — or
 * when it had already ended. The worker then drops it unrun.
 */
export const workerClaimResponseSchema = z.discriminatedUnion('run', [z.object({ run: z.literal(true) }), z.object({ run: z.literal(false), reason: z.string() })])
export type WorkerClaimResponse = z.infer<typeof workerClaimResponseSchema>

/** `GET /api/worker/jobs/:jobId/results`: the job's takes already recorded, which a job taken up again does not render twice. */
export const workerRecordedTakesResponseSchema = workerJobResultSchema.pick({ results: true })
export type WorkerRecordedTakesResponse = z.infer<typeof workerRecordedTakesResponseSchema>

/**
 * Live signals from a running job to the server, which turns them into board events. With
 * Redis they travel over pub/sub on {@link workerSignalChannel}; in the embedded mode they are
 * handed over in process. Never written to the job record.
 */
export const workerSignalSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('started'), jobId: z.string(), attempt: z.number().int().positive(), model: generationModelSchema }),
  z.object({
    type: z.literal('progress'),
    jobId: z.string(),
    progress: z.number().min(0).max(1),
    variationIndex: z.number().int().nonnegative(),
    step: z.number().int().positive(),
    totalSteps: z.number().int().positive(),
  }),
  z.object({
    type: z.literal('preview'),
    jobId: z.string(),
    variationIndex: z.number().int().nonnegative(),
    step: z.number().int().positive(),
    totalSteps: z.number().int().positive(),
    mediaType: z.enum(['image/webp', 'image/jpeg']),
    /** Base64 of the encoded preview. */
    data: z.string().max(512 * 1024),
    width: z.number().int().positive(),
    height: z.number().int().positive(),
    /** Epoch ms at the worker's step, for the preview-latency benchmark. */
    sentAt: z.number(),
  }),
  /**
   * The job's inference process died mid-run (killed, crashed): the worker starts it again and
   * the queue takes the job up again (`started`), or fails it after its last attempt. Sent at
   * once, so frames do not sit on their last step meanwhile.
   */
  z.object({ type: z.literal('restarting'), jobId: z.string() }),
])
export type WorkerSignal = z.infer<typeof workerSignalSchema>

/** The Redis pub/sub channel of worker signals for a queue's key prefix. */
export function workerSignalChannel(prefix: string): string {
  return `${prefix}:generation-signals`
}
