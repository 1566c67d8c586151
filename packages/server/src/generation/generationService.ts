import { and, eq } from 'drizzle-orm'
import { generationFailureView } from '@storyloom/shared/generation/generationFailures'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { assetUrl } from '@storyloom/shared/api/assets'
import { generationUrl, type CreateGenerationsRequest, type GenerationView } from '@storyloom/shared/generation/api'
import type { GenerationEvent } from '@storyloom/shared/generation/events'
import { generationParamsSchema, type GenerationJob, type GenerationJobStatus, type GenerationParams } from '@storyloom/shared/generation/jobs'
import type { WorkerJobResult } from '@storyloom/shared/generation/workerApi'
import type { Db } from '../db/openDatabase'
import { boardAssets } from '../db/schema'
import { ApiError } from '../http/errors'
import type { GenerationQueue } from '../queue/generationQueue'
import { BoardUnavailableError, type SyncServer } from '../sync/createSyncServer'
import type { VersionStore } from '../versions/versionStore'
import type { BoardEventHub } from '../events/boardEventHub'
import { shownVersionOf } from './firstTakeShown'
import { recordedTakes } from './recordedTakes'
import { resolveRequest } from './resolveRequest'
import { missingShots } from './shotInputs'
import type { WorkerRegistry } from './workerRegistry'

/** What a job whose parameters cannot be read shows as its settings (see `view`). */
const UNREADABLE_PARAMS: GenerationParams = { prompt: '', negativePrompt: '', seed: 0, steps: 1, guidance: 0, width: 64, height: 64, variations: 1, references: [], motion: [] }

/** Who is asking (from the session once accounts exist). */
export type Requester = { id: string; name: string }

export type GenerationQueueOf = GenerationQueue<WorkerJobResult>

export type GenerationServiceDeps = {
  db: Db
  queue: GenerationQueueOf
  rooms: Pick<SyncServer, 'withRoom'>
  workers: WorkerRegistry
  events: BoardEventHub
  /** Where `parentVersionId` is looked up, and the takes a canceled or failed generation kept. */
  versions: Pick<VersionStore, 'get' | 'list' | 'listForJob'>
  /** Most generations one person may have queued or running at once (across boards). */
  maxActivePerUser: number
  /** When the worker running a job was found lost, while it waits for another (`GenerationEventRelay.workerLostAt`). */
  workerLostAt: (jobId: string) => number | undefined
}

/** Why the server cancels a generation whose shot is no longer on the board (`canceledReason`). */
export const SHOT_DELETED_REASON = 'the shot was deleted'
/** Why the server cancels a generation whose board was deleted (`canceledReason`). */
export const BOARD_DELETED_REASON = 'the board was deleted'
/** Why the server cancels a generation of a board this server cannot write to. */
export const BOARD_NEWER_REASON = 'the board was saved by a newer Storyloom, which this server cannot write to: update it'

/** What a worker about to run a job is told (`admit`): run it, or drop it and why. */
export type Admission = { run: true } | { run: false; reason: string }

/** Priority steps between a person's consecutive active jobs: room for future boosts in between. */
const PRIORITY_STEP = 10

/**
 * Creating, listing and canceling generations, with per-person caps and fair priorities: a
 * person's n-th active job gets priority 1 + n·step, so one person's batch of 40 runs interleaved
 * with others' single jobs instead of ahead of them.
 */
export class GenerationService {
  constructor(private readonly deps: GenerationServiceDeps) {}

  async create(boardId: string, request: CreateGenerationsRequest, requester: Requester, idempotencyKey?: string): Promise<GenerationView[]> {
    const { db, queue, rooms, workers, versions } = this.deps
    const keyOf = (index: number) => `${requester.id}:${idempotencyKey}:${index}`
    // A retry returns what the first request made, before anything else: its jobs must not
    // count against the person's cap, nor the board's changes since refuse it.
    if (idempotencyKey !== undefined) {
      const replayed = await this.#replay(boardId, request, keyOf)
      if (replayed) return replayed
    }
    const resolved = rooms.withRoom(boardId, (room) =>
      room.read((doc) =>
        resolveRequest(request, {
          boardId,
          doc,
          models: workers.models(),
          parentVersionShot: (versionId) => versions.get(boardId, versionId)?.shotId,
          takenSeeds: (shotId) => new Set(versions.list(boardId, shotId, { includeDeleted: true }).flatMap((v) => (v.params ? [v.params.seed] : []))),
          assetMimeType: (assetId) => db.select({ mimeType: boardAssets.mimeType }).from(boardAssets).where(and(eq(boardAssets.boardId, boardId), eq(boardAssets.sha256, assetId))).get()?.mimeType,
        }).map((shot) => ({ ...shot, shownWhenAsked: shownVersionOf(doc, shot.shotId) })),
      ),
    )
    const active = await queue.listActive()
    const mine = active.filter((job) => job.requestedBy === requester.id).length
    const { maxActivePerUser } = this.deps
    if (mine + resolved.length > maxActivePerUser) {
      throw new ApiError(
        ApiErrorCode.tooManyGenerations,
        `you already have ${mine} generation${mine === 1 ? '' : 's'} queued or running and may have at most ${maxActivePerUser}: wait for some to finish or cancel some`,
      )
    }
    const jobs: GenerationJob<WorkerJobResult>[] = []
    const addedFrom = Date.now()
    for (const [index, { shotId, params, shownWhenAsked }] of resolved.entries()) {
      const job = await queue.add(
        { boardId, shotId, requestedBy: requester.id, requestedByName: requester.name, params, shownWhenAsked },
        { priority: 1 + (mine + index) * PRIORITY_STEP, ...(idempotencyKey !== undefined ? { idempotencyKey: keyOf(index) } : {}) },
      )
      if (idempotencyKey !== undefined) checkReplay(job, boardId, shotId, request)
      jobs.push(job)
    }
    const positions = await this.#positions()
    const views = jobs.map((job) => this.view(job, positions))
    for (const view of views) {
      // A replayed request (same Idempotency-Key) announced its generations the first time.
      if (view.createdAt >= addedFrom) this.#publish({ type: 'queued', boardId, generationId: view.id, shotId: view.shotId, at: Date.now(), generation: view })
    }
    // A shot deleted after the check above, while its job was being added, had its clean-up
    // (dropForDeletedShots) look through the queue before the job was in it: drop such jobs now.
    // A delete from here on finds the job in the queue.
    const dropped = await this.#cancelOrphans(boardId, jobs)
    if (dropped.length === 0) return views
    const after = await this.#positions()
    return Promise.all(jobs.map(async (job) => (dropped.includes(job.id) ? this.view((await this.deps.queue.get(job.id)) ?? job, after) : this.view(job, after))))
  }

  /**
   * At start: cancels the queued and running generations whose board or shot is gone — deleted
   * (or the shot taken away by a restore) while the server was down, or before its clean-up
   * reached the queue — saying why, so the ones behind them move up. Returns how many.
   */
  async dropOrphans(): Promise<number> {
    const byBoard = new Map<string, GenerationJob<WorkerJobResult>[]>()
    for (const job of await this.deps.queue.listActive()) byBoard.set(job.boardId, [...(byBoard.get(job.boardId) ?? []), job])
    let count = 0
    for (const [boardId, jobs] of byBoard) count += (await this.#cancelOrphans(boardId, jobs)).length
    return count
  }

  /**
   * A board was deleted: its queued and running generations are canceled, saying why, so no
   * worker spends time on them nor writes to a board that is gone (the others move up).
   */
  async dropForDeletedBoard(boardId: string): Promise<void> {
    const doomed = (await this.deps.queue.listActive()).filter((job) => job.boardId === boardId)
    for (const job of doomed) await this.#drop(job, BOARD_DELETED_REASON)
  }

  /**
   * A worker is about to run job `jobId` (its pick-up check): whether it still should. A job whose
   * board or shot went meanwhile — a clean-up that did not reach the queue (Redis away, a crash)
   * or a delete racing the pick-up — or whose board this server cannot write to is canceled
   * here, saying why, and the worker drops it unrun. A board only unavailable for now (the
   * server stopping) is no reason to drop it: it runs, and its results wait for the server.
   */
  async admit(jobId: string): Promise<Admission> {
    const job = await this.deps.queue.get(jobId)
    if (!job) throw generationNotFound(jobId)
    if (job.status !== 'queued' && job.status !== 'running') return { run: false, reason: job.canceledReason ?? `the generation already ended (${job.status})` }
    const why = this.#goneReason(job.boardId, [job]).get(job.id)
    if (why === undefined) return { run: true }
    if (await this.#drop(job, why)) return { run: false, reason: why }
    // It ended meanwhile (canceled by its author, or by the clean-up): say what it is now.
    return { run: false, reason: (await this.deps.queue.get(jobId))?.canceledReason ?? 'the generation already ended' }
  }

  /** Cancels those of a board's `jobs` whose board or shot is gone now; their ids. A board unavailable for now (the server stopping) is left alone. */
  async #cancelOrphans(boardId: string, jobs: readonly GenerationJob<WorkerJobResult>[]): Promise<string[]> {
    const canceled: string[] = []
    for (const [jobId, reason] of this.#goneReason(boardId, jobs)) {
      const job = jobs.find((j) => j.id === jobId)!
      if (await this.#drop(job, reason)) canceled.push(job.id)
    }
    return canceled
  }

  /** Of a board's `jobs`, those that cannot run any more, with why (their board or shot gone, or a board this server cannot write). */
  #goneReason(boardId: string, jobs: readonly GenerationJob<WorkerJobResult>[]): Map<string, string> {
    try {
      const missing = this.deps.rooms.withRoom(boardId, (room) => room.read((doc) => missingShots(doc, jobs.map((job) => job.shotId))))
      return new Map(jobs.filter((job) => missing.has(job.shotId)).map((job) => [job.id, SHOT_DELETED_REASON]))
    } catch (error) {
      if (!(error instanceof BoardUnavailableError) || error.kind === 'stopping') return new Map()
      const reason = error.kind === 'missing' ? BOARD_DELETED_REASON : BOARD_NEWER_REASON
      return new Map(jobs.map((job) => [job.id, reason]))
    }
  }

  /** Cancels `job` saying why, and tells its board; false when it had already ended. */
  async #drop(job: GenerationJob<WorkerJobResult>, reason: string): Promise<boolean> {
    if ((await this.deps.queue.cancel(job.id, reason)) !== 'canceled') return false
    this.#publish({ type: 'canceled', boardId: job.boardId, generationId: job.id, shotId: job.shotId, at: Date.now(), reason })
    return true
  }

  async list(boardId: string, filter: { status?: GenerationJobStatus; shotId?: string } = {}): Promise<GenerationView[]> {
    const [jobs, positions] = await Promise.all([this.deps.queue.list(boardId), this.#positions()])
    return jobs.filter((job) => (filter.status === undefined || job.status === filter.status) && (filter.shotId === undefined || job.shotId === filter.shotId)).map((job) => this.view(job, positions))
  }

  async get(boardId: string, id: string): Promise<GenerationView> {
    return this.view(await this.#job(boardId, id), await this.#positions())
  }

  /** Cancels a queued or running generation (it stops at its next step). Only its author may. */
  async cancel(boardId: string, id: string, requester: Requester): Promise<GenerationView> {
    const job = await this.#job(boardId, id)
    if (job.requestedBy !== requester.id) throw new ApiError(ApiErrorCode.notYourGeneration, `only ${job.requestedByName ?? job.requestedBy}, who started it, can cancel this generation`)
    const outcome = await this.deps.queue.cancel(id)
    if (outcome === 'not_found') throw generationNotFound(id)
    if (outcome === 'already_finished') throw new ApiError(ApiErrorCode.generationFinished, `generation ${id} already finished (${job.status})`)
    this.#publish({ type: 'canceled', boardId, generationId: id, shotId: job.shotId, at: Date.now() })
    return this.get(boardId, id)
  }

  /**
   * Shots were deleted (their ids among `shapeIds`): their queued and running generations are
   * canceled, so none holds a worker or a place in the queue for a frame that is gone (the
   * others move up). Undoing the delete brings the shot back without them, with any take that
   * landed before as a version; its author starts it again if still wanted.
   */
  async dropForDeletedShots(boardId: string, shapeIds: readonly string[]): Promise<void> {
    const gone = new Set(shapeIds)
    const doomed = (await this.deps.queue.listActive()).filter((job) => job.boardId === boardId && gone.has(job.shotId))
    for (const job of doomed) await this.#drop(job, SHOT_DELETED_REASON)
  }

  /** The API's view of a job; `positions` from the active list (queued jobs only). */
  view(job: GenerationJob<WorkerJobResult>, positions: Map<string, number>): GenerationView {
    const url = generationUrl(job.boardId, job.id)
    const result = job.result
    // A job left by another version, or damaged, must not take the board's whole list down: it
    // shows with blank settings (it fails unrun, `job_unreadable`, and says so in plain words).
    const parsedParams = generationParamsSchema.safeParse(job.params)
    const params = parsedParams.success ? parsedParams.data : UNREADABLE_PARAMS
    // A take's result says how its references were used; a job that failed after the worker planned them has it on its params.
    const referenceUse = result?.referenceUse ?? params.referenceUse
    const workerLostAt = job.status === 'running' ? this.deps.workerLostAt(job.id) : undefined
    // A job stopped before its end has no result, but the takes that landed are versions of the
    // shot (the first one is its image): list those, so clients offer them, not an older run's.
    const kept = result === undefined && (job.status === 'canceled' || job.status === 'failed') ? this.#keptTakes(job) : undefined
    return {
      id: job.id,
      boardId: job.boardId,
      shotId: job.shotId,
      status: job.status,
      position: job.status === 'queued' ? (positions.get(job.id) ?? null) : null,
      requestedBy: { id: job.requestedBy, name: job.requestedByName ?? job.requestedBy },
      params,
      progress: job.status === 'succeeded' ? 1 : job.progress,
      attempts: job.attempts,
      model: result?.model ?? kept?.model ?? null,
      results: kept?.results ?? resultViews(job.boardId, result),
      ...(referenceUse ? { referenceUse } : {}),
      ...(workerLostAt !== undefined ? { workerLostAt } : {}),
      ...(job.status === 'canceled' && job.canceledReason !== undefined ? { canceledReason: job.canceledReason } : {}),
      error: job.status === 'failed' ? generationFailureView(job.error) : null,
      createdAt: job.createdAt,
      startedAt: job.startedAt ?? null,
      finishedAt: job.finishedAt ?? null,
      statusUrl: url,
      cancelUrl: `${url}/cancel`,
    }
  }

  /** The takes a job recorded before it stopped, as results, and the model that made them. */
  #keptTakes(job: GenerationJob<WorkerJobResult>): { results: GenerationView['results']; model: GenerationView['model'] } {
    const { results, versions } = recordedTakes(this.deps.versions, job)
    const modelId = versions[0]?.modelId
    const name = modelId ? (this.deps.workers.models().find((m) => m.id === modelId)?.name ?? modelId) : undefined
    return { results: resultViews(job.boardId, { results }), model: modelId && name ? { id: modelId, name, builtIn: versions[0]!.builtInModel } : null }
  }

  /**
   * The generations an earlier request with the same Idempotency-Key made (one job per shot,
   * keyed by its index), or undefined when the key is new. Throws when that request was another.
   */
  async #replay(boardId: string, request: CreateGenerationsRequest, keyOf: (index: number) => string): Promise<GenerationView[] | undefined> {
    const { queue } = this.deps
    const [jobs, beyond] = await Promise.all([
      Promise.all(request.shotIds.map((_, index) => queue.getByIdempotencyKey(keyOf(index)))),
      queue.getByIdempotencyKey(keyOf(request.shotIds.length)),
    ])
    if (jobs.every((job) => job === undefined) && !beyond) return undefined
    // The first request had fewer or more shots.
    if (beyond || jobs.some((job) => job === undefined)) throw idempotencyKeyReused()
    const found = jobs.filter((job) => job !== undefined)
    found.forEach((job, index) => checkReplay(job, boardId, request.shotIds[index]!, request))
    const positions = await this.#positions()
    return found.map((job) => this.view(job, positions))
  }

  async #job(boardId: string, id: string): Promise<GenerationJob<WorkerJobResult>> {
    const job = await this.deps.queue.get(id)
    if (!job || job.boardId !== boardId) throw generationNotFound(id)
    return job
  }

  /** 1-based places of the queued jobs of every board. */
  async #positions(): Promise<Map<string, number>> {
    const queued = (await this.deps.queue.listActive()).filter((job) => job.status === 'queued')
    return new Map(queued.map((job, index) => [job.id, index + 1]))
  }

  #publish(event: GenerationEvent): void {
    this.deps.events.publish(event)
  }
}

export function generationNotFound(id: string): ApiError {
  return new ApiError(ApiErrorCode.generationNotFound, `this board has no generation ${id}`)
}

/** The same Idempotency-Key must come with the same request: compare what the request fixed. */
function checkReplay(job: GenerationJob<WorkerJobResult>, boardId: string, shotId: string, request: CreateGenerationsRequest): void {
  const p = job.params
  const fixed: (readonly [unknown, unknown])[] = [
    [job.boardId, boardId],
    [job.shotId, shotId],
    ...(
      [
        [p.prompt, request.prompt],
        [p.negativePrompt, request.negativePrompt],
        [p.modelId, request.modelId],
        [p.seed, request.seed],
        [p.steps, request.steps],
        [p.guidance, request.guidance],
        [p.width, request.width],
        [p.height, request.height],
        [p.variations, request.variations],
        [p.strength, request.strength],
      ] as const
    ).filter(([, asked]) => asked !== undefined),
  ]
  // Weights go on the job's own references: compare those this job has.
  const weightChanged = Object.entries(request.referenceWeights ?? {}).some(([shapeId, weight]) => {
    const reference = p.references?.find((r) => r.shapeId === shapeId)
    return reference !== undefined && reference.role !== 'composition' && reference.weight !== weight
  })
  if (weightChanged || fixed.some(([stored, asked]) => stored !== asked)) {
    throw idempotencyKeyReused()
  }
}

function idempotencyKeyReused(): ApiError {
  return new ApiError(ApiErrorCode.idempotencyKeyReused, 'this Idempotency-Key was already used for a different request: use a new key for a new request')
}

/** A worker's results as the API shows them: each image and clip with its board asset URL. */
export function resultViews(boardId: string, result: Pick<WorkerJobResult, 'results'> | undefined): GenerationView['results'] {
  return (result?.results ?? []).map((r) => ({
    variationIndex: r.variationIndex,
    seed: r.seed,
    versionId: r.versionId,
    image: { assetId: r.image.assetId, url: assetUrl(boardId, r.image.assetId), width: r.image.width, height: r.image.height },
    ...(r.clip ? { clip: { assetId: r.clip.assetId, url: assetUrl(boardId, r.clip.assetId) } } : {}),
  }))
}
