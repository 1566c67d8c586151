import { and, eq, inArray } from 'drizzle-orm'
import { assetUrl, isAudioMimeType } from '@storyloom/shared/api/assets'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import type { VersionAsset } from '@storyloom/shared/versions/shotVersion'
import type { AssetStore } from '../assets/assetStore'
import type { Db } from '../db/openDatabase'
import { boardAssets } from '../db/schema'
import { measuredAsset, measureTakeFile, rangeReader, takeFileRefusal } from './takeFileSize'
import { VersionStoreError } from './versionStoreErrors'

/** An uploaded asset a client wants a version of (a size it sends is not trusted: see measuredVersionAssets). */
export interface UploadedAssetRef {
  assetId: string
}

/**
 * The version assets for files the board already has: URL and media type come from the board's
 * asset rows, never from the client. Throws `asset_not_found` for a file the board does not
 * have (never uploaded, another board's, or deleted with its board), and `unsupported_media_type`
 * for an audio file (a soundtrack is not a take).
 */
export function uploadedVersionAssets(db: Db, boardId: string, refs: readonly UploadedAssetRef[]): VersionAsset[] {
  const ids = [...new Set(refs.map((ref) => ref.assetId))]
  const rows = db
    .select({ sha256: boardAssets.sha256, mimeType: boardAssets.mimeType })
    .from(boardAssets)
    .where(and(eq(boardAssets.boardId, boardId), inArray(boardAssets.sha256, ids)))
    .all()
  const mimeOf = new Map(rows.map((row) => [row.sha256, row.mimeType]))
  return refs.map((ref) => {
    const mimeType = mimeOf.get(ref.assetId)
    if (!mimeType) {
      throw new VersionStoreError(ApiErrorCode.assetNotFound, `asset ${ref.assetId} is not on this board (deleted, or never uploaded)`)
    }
    if (isAudioMimeType(mimeType)) {
      throw new VersionStoreError(ApiErrorCode.unsupportedMediaType, `asset ${ref.assetId} is audio: a take is an image or a clip`)
    }
    return {
      assetId: ref.assetId,
      src: assetUrl(boardId, ref.assetId),
      mimeType: mimeType as VersionAsset['mimeType'],
      kind: mimeType.startsWith('video/') ? 'video' : 'image',
    }
  })
}

/** A take file as its stored header says (see {@link readTakeFiles}). */
export type ReadTakeFile = {
  /** The asset with its size and `header: 'read'`, or `header: 'damaged' | 'oversized'` and no size. */
  asset: VersionAsset
  /** Why the file cannot be a take (see takeFileRefusal); undefined when it can. */
  refusal: VersionStoreError | undefined
}

/**
 * Reads each of `assets`' stored files' header, still or clip (the one reader for every take
 * that lands: uploads, generated takes, and older takes at start-up), never trusting a size the
 * sender gave. Throws `asset_not_found` for a file the board does not have.
 */
export async function readTakeFiles(store: Pick<AssetStore, 'open'>, boardId: string, assets: readonly VersionAsset[]): Promise<ReadTakeFile[]> {
  return Promise.all(
    assets.map(async (asset) => {
      const file = await store.open(boardId, asset.assetId)
      if (!file) throw new VersionStoreError(ApiErrorCode.assetNotFound, `asset ${asset.assetId} is not on this board (its file is gone)`)
      const measure = await measureTakeFile(file.mimeType, file.size, rangeReader(file))
      return { asset: measuredAsset(asset, measure), refusal: takeFileRefusal(file.mimeType, measure) }
    }),
  )
}

/**
 * `assets` with each file's pixel size as its header says, still or clip; throws the refusal
 * of the first that cannot be a take (see takeFileRefusal). Nothing is deleted on a refusal: the
 * file was stored by its own upload and may be in use on the board already (a picture placed on
 * the canvas, a reference).
 */
export async function measuredVersionAssets(store: Pick<AssetStore, 'open'>, boardId: string, assets: readonly VersionAsset[]): Promise<VersionAsset[]> {
  const files = await readTakeFiles(store, boardId, assets)
  const refused = files.find((file) => file.refusal)
  if (refused?.refusal) throw refused.refusal
  return files.map((file) => file.asset)
}
