import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { assetUrl } from '@storyloom/shared/api/assets'
import { putRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import { generationParamsSchema } from '@storyloom/shared/generation/jobs'
import { workerResultCommitSchema, type WorkerRecordedTakesResponse, type WorkerResultCommit, type WorkerResultCommitResponse } from '@storyloom/shared/generation/workerApi'
import { SHOT_SHAPE_TYPE, type ShotMedia, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { isUnreadableAsset, type VersionAsset } from '@storyloom/shared/versions/shotVersion'
import type { AssetStore } from '../assets/assetStore'
import { ApiError } from '../http/errors'
import type { SyncServer } from '../sync/createSyncServer'
import { readTakeFiles, type ReadTakeFile } from '../versions/uploadedVersionAssets'
import type { VersionStore } from '../versions/versionStore'
import { VersionStoreError } from '../versions/versionStoreErrors'
import { firstTakeReplacesShown } from './firstTakeShown'
import { generationNotFound, type GenerationQueueOf } from './generationService'
import { recordedTakes } from './recordedTakes'

type BoardRecord = Parameters<typeof putRecords>[1] extends Iterable<infer R> ? R : never
type AssetRecordId = ShotMedia['assetId']

type Deps = { queue: Pick<GenerationQueueOf, 'get'>; versions: VersionStore; rooms: Pick<SyncServer, 'withRoom'>; assets: Pick<AssetStore, 'open'> }

/** The tldraw asset record of an uploaded file: its id is derived from the hash, so writing it twice is one record. */
function assetRecord(boardId: string, sha256: string, mimeType: 'image/png' | 'image/webp', size: { width: number; height: number }, animated: boolean): BoardRecord {
  return {
    id: `asset:${sha256}` as AssetRecordId,
    typeName: 'asset',
    type: 'image',
    meta: {},
    props: { name: `${sha256.slice(0, 12)}.${mimeType === 'image/png' ? 'png' : 'webp'}`, src: assetUrl(boardId, sha256), w: size.width, h: size.height, mimeType, isAnimated: animated },
  }
}

/** A file's size as its header said (only a readable one is shown, so it has one). */
const sizeOf = (asset: VersionAsset) => ({ width: asset.width ?? 1, height: asset.height ?? 1 })

/**
 * Records a worker's result: the take becomes a version of the shot (idempotent on job +
 * variation, so a retried job never duplicates it) and, for the first take, the shot's image
 * for everyone — a server-side doc change, persisted and broadcast like any accepted update —
 * unless someone picked the shot's take after the run was asked for (see `firstTakeReplacesShown`).
 *
 * The worker is outside input: each file's header is read as it lands (the reader uploads use),
 * never its numbers. A file that cannot be a take (damaged, or a decompression bomb) still
 * becomes a version, marked unreadable, so the shot's Versions show what the run made; it is
 * never shown on the shot, and the worker is answered with why (the job fails saying so).
 */
export class ResultCommitter {
  constructor(private readonly deps: Deps) {}

  /** The takes of a job already recorded (a job taken up again after its worker stopped runs only the others). */
  async recorded(jobId: string): Promise<WorkerRecordedTakesResponse> {
    const job = await this.deps.queue.get(jobId)
    if (!job) throw generationNotFound(jobId)
    return { results: recordedTakes(this.deps.versions, job).results }
  }

  async commit(jobId: string, body: WorkerResultCommit): Promise<WorkerResultCommitResponse> {
    const input = workerResultCommitSchema.parse(body)
    const job = await this.deps.queue.get(jobId)
    if (!job) throw generationNotFound(jobId)
    if (job.status === 'canceled' || job.status === 'failed') throw new ApiError(ApiErrorCode.generationFinished, `generation ${jobId} was ${job.status}: its results are not recorded`)
    const params = generationParamsSchema.parse(job.params)
    if (input.variationIndex >= params.variations) throw new ApiError(ApiErrorCode.invalidRequest, `generation ${jobId} has ${params.variations} variation(s), not ${input.variationIndex + 1}`)
    const { boardId, shotId } = job
    const still: VersionAsset = { assetId: input.image.assetId, src: assetUrl(boardId, input.image.assetId), mimeType: 'image/png', kind: 'image' }
    const clip: VersionAsset | undefined = input.clip && { assetId: input.clip.assetId, src: assetUrl(boardId, input.clip.assetId), mimeType: 'image/webp', kind: 'video' }
    const files = await this.#readFiles(boardId, clip ? [still, clip] : [still])
    let recorded
    try {
      recorded = this.deps.versions.recordVersion({
        boardId,
        shotId,
        parentId: params.parentVersionId ?? null,
        source: 'generation',
        // The take's own seed (variation i ran with seed + i), so it can be compared and remade,
        // and how the worker used each reference.
        params: { ...params, seed: input.seed, ...(input.referenceUse.length > 0 ? { referenceUse: input.referenceUse } : {}) },
        assets: files.map((file) => file.asset),
        modelId: input.model.id,
        builtInModel: input.model.builtIn,
        jobId,
        variationIndex: input.variationIndex,
        authorId: job.requestedBy,
        authorName: job.requestedByName ?? job.requestedBy,
      })
    } catch (error) {
      if (error instanceof VersionStoreError) throw new ApiError(error.code === ApiErrorCode.assetNotFound ? ApiErrorCode.assetNotFound : ApiErrorCode.missingReference, error.message, { cause: error })
      throw error
    }
    const { version, created } = recorded
    const refused = files.find((file) => file.refusal)?.refusal
    if (refused || version.assets.some(isUnreadableAsset)) {
      if (created) console.warn(`[generations] generation ${jobId} sent a file that cannot be a take; take ${version.id} is kept, marked unreadable:`, refused?.message)
      throw new ApiError(refused?.code ?? ApiErrorCode.unsupportedMediaType, `the result of generation ${jobId} was refused: ${refused?.message ?? 'its file cannot be read as a take'} (take ${version.id} is kept, marked unreadable)`)
    }
    if (created && input.variationIndex === 0) {
      const [shownStill, shownClip] = files.map((file) => file.asset)
      const shown = shownClip ?? shownStill!
      const replaces = (shownNow: string | null) =>
        firstTakeReplacesShown({ jobId, askedAt: job.createdAt, shownWhenAsked: job.shownWhenAsked, shownNow, versionOf: (id) => this.deps.versions.get(boardId, id) })
      this.#showOnShot(boardId, shotId, version.id, replaces, {
        assetId: `asset:${shown.assetId}` as AssetRecordId,
        src: shown.src,
        // An animated WebP plays in an <img>, like a still.
        kind: 'image',
        model: input.model.builtIn ? `${input.model.name} (built-in)` : input.model.name,
      }, [
        assetRecord(boardId, shownStill!.assetId, 'image/png', sizeOf(shownStill!), false),
        ...(shownClip ? [assetRecord(boardId, shownClip.assetId, 'image/webp', sizeOf(shownClip), true)] : []),
      ])
    }
    return { versionId: version.id, created }
  }

  /** The take's files as their headers say; a file the board does not have is `asset_not_found`. */
  async #readFiles(boardId: string, assets: VersionAsset[]): Promise<ReadTakeFile[]> {
    try {
      return await readTakeFiles(this.deps.assets, boardId, assets)
    } catch (error) {
      if (error instanceof VersionStoreError) throw new ApiError(error.code, error.message, { cause: error })
      throw error
    }
  }

  /**
   * The shot shows the new version, for everyone, unless someone picked its take since the run
   * was asked for (`replaces` says; decided in the same change, so no pick slips in between).
   * A shot deleted meanwhile keeps the version only.
   */
  #showOnShot(boardId: string, shotId: string, versionId: string, replaces: (shownNow: string | null) => boolean, media: ShotMedia, assets: BoardRecord[]): void {
    try {
      this.deps.rooms.withRoom(boardId, (room) =>
        room.applyServerChange((doc) => {
          const shot = readRecord(doc, shotId) as TLShotShape | undefined
          if (!shot || shot.type !== SHOT_SHAPE_TYPE || !replaces(shot.props.activeVersionId)) return
          putRecords(doc, [...assets, { ...shot, props: { ...shot.props, media, activeVersionId: versionId } }])
        }),
      )
    } catch (error) {
      // The version is recorded either way; the shot keeps its image and the take is in its tree.
      console.error(`[generations] the board did not take ${versionId} as the image of ${shotId}:`, error)
    }
  }
}
