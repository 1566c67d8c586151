import { Hono } from 'hono'
import { bodyLimit } from 'hono/body-limit'
import { createMiddleware } from 'hono/factory'
import { z } from 'zod'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { generationIdSchema } from '@storyloom/shared/generation/api'
import {
  WORKER_UPLOAD_TYPES,
  workerHeartbeatSchema,
  workerLeaveSchema,
  workerRefusalSchema,
  workerResultCommitSchema,
  type WorkerAssetResponse,
  type WorkerClaimResponse,
  type WorkerHeartbeatResponse,
} from '@storyloom/shared/generation/workerApi'
import { assetUrl } from '@storyloom/shared/api/assets'
import { AssetTooLargeError, UnsupportedAssetTypeError } from '../assets/assetErrors'
import type { AssetStore } from '../assets/assetStore'
import type { GenerationQueueOf, GenerationService } from '../generation/generationService'
import { generationNotFound } from '../generation/generationService'
import type { ResultCommitter } from '../generation/resultCommitter'
import { tokenMatches } from '../generation/workerToken'
import type { WorkerRegistry } from '../generation/workerRegistry'
import { liveBoardExists } from '../boards/liveBoards'
import type { Db } from '../db/openDatabase'
import { ApiError, boardNotFound } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { validate } from './validate'

const jobParamsSchema = z.object({ jobId: generationIdSchema })
const referenceParamsSchema = jobParamsSchema.extend({ index: z.coerce.number().int().min(0).max(63) })

type Deps = {
  db: Db
  token: string
  queue: GenerationQueueOf
  /** Answers a worker's pick-up check (`claim`). */
  service: Pick<GenerationService, 'admit'>
  workers: WorkerRegistry
  assets: AssetStore
  results: ResultCommitter
  maxAssetBytes: number
  /** Where jobs wait, told to workers in the heartbeat's answer. */
  jobsWaitIn: WorkerHeartbeatResponse['queue']
}

/** /api/worker: what GPU workers call, with the worker token (see shared/generation/workerApi.ts). */
export function workerRoutes({ db, token, queue, service, workers, assets, results, maxAssetBytes, jobsWaitIn }: Deps) {
  const requireToken = createMiddleware(async (c, next) => {
    const presented = /^Bearer (.+)$/u.exec(c.req.header('Authorization') ?? '')?.[1]
    if (!presented) throw new ApiError(ApiErrorCode.unauthorized, 'a worker needs the server\'s worker token (Authorization: Bearer …)')
    if (!tokenMatches(presented, token)) throw new ApiError(ApiErrorCode.unauthorized, 'this is not the server\'s worker token (its STORYLOOM_WORKER_TOKEN, or worker-token in its data directory)')
    await next()
  })
  const jobOf = async (jobId: string) => {
    const job = await queue.get(jobId)
    if (!job) throw generationNotFound(jobId)
    return job
  }
  return new Hono()
    .use(requireToken)
    .post('/heartbeat', heartbeatBodyLimit, validate('json', workerHeartbeatSchema), (c) => {
      workers.heartbeat(c.req.valid('json'))
      return c.json({ queue: jobsWaitIn } satisfies WorkerHeartbeatResponse)
    })
    .post('/refusal', jsonBodyLimit, validate('json', workerRefusalSchema), (c) => {
      workers.refused(c.req.valid('json').reason)
      return c.body(null, 204)
    })
    .post('/leave', jsonBodyLimit, validate('json', workerLeaveSchema), (c) => {
      workers.forget(c.req.valid('json').workerId)
      return c.body(null, 204)
    })
    .post('/jobs/:jobId/claim', validate('param', jobParamsSchema), async (c) => {
      return c.json((await service.admit(c.req.valid('param').jobId)) satisfies WorkerClaimResponse, 200)
    })
    .get('/jobs/:jobId/references/:index', validate('param', referenceParamsSchema), async (c) => {
      const { jobId, index } = c.req.valid('param')
      const job = await jobOf(jobId)
      const reference = job.params.references?.[index]
      if (!reference?.assetId) throw new ApiError(ApiErrorCode.assetNotFound, `generation ${jobId} has no uploaded reference ${index}`)
      const asset = await assets.open(job.boardId, reference.assetId)
      if (!asset) throw new ApiError(ApiErrorCode.assetNotFound, `the reference's file is not on the board any more`)
      return c.body(asset.stream(), 200, { 'Content-Type': asset.mimeType, 'Content-Length': String(asset.size) })
    })
    .post('/jobs/:jobId/assets', validate('param', jobParamsSchema), async (c) => {
      const job = await jobOf(c.req.valid('param').jobId)
      // A canceled job's files would land on a board that may be gone, or that no longer wants them.
      if (job.status !== 'queued' && job.status !== 'running') throw new ApiError(ApiErrorCode.generationFinished, `generation ${job.id} was ${job.status}${job.canceledReason ? ` (${job.canceledReason})` : ''}: its files are not stored`)
      const type = c.req.header('Content-Type') ?? ''
      if (!(WORKER_UPLOAD_TYPES as readonly string[]).includes(type)) throw new ApiError(ApiErrorCode.unsupportedMediaType, `a worker uploads ${WORKER_UPLOAD_TYPES.join(', ')}, not "${type}"`)
      const body = c.req.raw.body
      if (!body) throw new ApiError(ApiErrorCode.invalidRequest, 'the upload has no body')
      // Its board went to the trash before the job's cancel reached it: nothing lands there.
      if (!liveBoardExists(db, job.boardId)) throw boardNotFound(job.boardId)
      try {
        const stored = await assets.put(job.boardId, body, { maxBytes: maxAssetBytes })
        return c.json({ assetId: stored.sha256, url: assetUrl(job.boardId, stored.sha256) } satisfies WorkerAssetResponse, 201)
      } catch (error) {
        if (error instanceof AssetTooLargeError) throw new ApiError(ApiErrorCode.payloadTooLarge, error.message, { cause: error })
        if (error instanceof UnsupportedAssetTypeError) throw new ApiError(ApiErrorCode.unsupportedMediaType, error.message, { cause: error })
        throw error
      }
    })
    .get('/jobs/:jobId/results', validate('param', jobParamsSchema), async (c) => {
      return c.json(await results.recorded(c.req.valid('param').jobId), 200)
    })
    .post('/jobs/:jobId/results', jsonBodyLimit, validate('param', jobParamsSchema), validate('json', workerResultCommitSchema), async (c) => {
      return c.json(await results.commit(c.req.valid('param').jobId, c.req.valid('json')), 200)
    })
}

/** A heartbeat lists every model of a worker: more than a board name, far less than an upload. */
const heartbeatBodyLimit = bodyLimit({
  maxSize: 256 * 1024,
  onError: () => {
    throw new ApiError(ApiErrorCode.payloadTooLarge, 'a heartbeat is at most 256 KB')
  },
})
