import { Hono, type Context } from 'hono'
import { z } from 'zod'
import {
  ASSET_FILE_NAME_HEADER,
  ASSET_FILE_NAME_MAX_LENGTH,
  assetIdSchema,
  ASSET_PURPOSE_HEADER,
  assetUrl,
  isAudioMimeType,
  TAKE_FILE_TYPES,
  type AssetResponse,
} from '@storyloom/shared/api/assets'
import { assetCopyRequestSchema } from '@storyloom/shared/api/assetCopies'
import { boardIdSchema } from '@storyloom/shared/api/boards'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { VERSION_ASSET_MAX_SIDE } from '@storyloom/shared/versions/shotVersion'
import { AssetBoardNotFoundError, AssetTooLargeError, UnsupportedAssetTypeError } from '../assets/assetErrors'
import type { AssetStore, OpenedAsset, PutAssetOptions } from '../assets/assetStore'
import { copyBoardAssets } from '../assets/copyBoardAssets'
import type { AuthEnv } from './authEnv'
import type { ServerConfig } from '../config'
import type { Db } from '../db/openDatabase'
import { boardParamsSchema } from './boardRoutes'
import { jsonBodyLimit } from './jsonBodyLimit'
import { parseByteRange } from './byteRange'
import { ApiError, boardNotFound } from './errors'
import { requireBoard } from './requireBoard'
import { validate } from './validate'
import { takeFileSize } from '../versions/takeFileSize'
import { isUnreadableTakeFile } from '../versions/unreadableTakeFile'
import { VersionStoreError } from '../versions/versionStoreErrors'

const assetParamsSchema = z.object({ boardId: boardIdSchema, assetId: assetIdSchema })

/** Asset bytes never change for a given URL (it is their hash); `private`: only members may see them, so no shared cache keeps them. */
const IMMUTABLE = 'private, max-age=31536000, immutable'
/** Opened directly, an asset is a document with no powers: no script, no plugins, no same-origin. */
const ASSET_CSP = "default-src 'none'; style-src 'unsafe-inline'; sandbox"

/** `25 MB`, `512 KB` or `1000 bytes`, for messages people read. */
function formatBytes(bytes: number): string {
  const mb = 1024 * 1024
  if (bytes >= mb && bytes % mb === 0) return `${bytes / mb} MB`
  if (bytes >= 1024 && bytes % 1024 === 0) return `${bytes / 1024} KB`
  return `${bytes} bytes`
}

const notATake = () => new ApiError(ApiErrorCode.unsupportedMediaType, `file is not ${TAKE_FILE_TYPES}`)

/**
 * An upload for a take must be a picture or clip (never audio) with a header the server reads
 * at most VERSION_ASSET_MAX_SIDE pixels on a side: checked before it is stored.
 */
const acceptTake: NonNullable<PutAssetOptions['accept']> = async ({ mimeType, size, read }) => {
  if (isAudioMimeType(mimeType)) throw notATake()
  try {
    await takeFileSize(mimeType, size, read)
  } catch (error) {
    if (error instanceof VersionStoreError) throw new ApiError(error.code, error.message, { cause: error })
    throw error
  }
}

function tooLarge(maxBytes: number): ApiError {
  return new ApiError(ApiErrorCode.payloadTooLarge, `file is larger than ${formatBytes(maxBytes)}`)
}

/** The optional original file name: percent-encoded in its header, control characters dropped. */
function fileNameFrom(header: string | undefined): string | undefined {
  if (header === undefined) return undefined
  let decoded: string
  try {
    decoded = decodeURIComponent(header)
  } catch {
    throw new ApiError(ApiErrorCode.invalidRequest, `${ASSET_FILE_NAME_HEADER} must be percent-encoded (encodeURIComponent)`)
  }
  const name = decoded.replace(/[\u0000-\u001f\u007f]/g, '').trim().slice(0, ASSET_FILE_NAME_MAX_LENGTH)
  return name === '' ? undefined : name
}

/** Percent-encoding for `filename*=` (RFC 8187): also `'()*`, which encodeURIComponent leaves. */
function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(/['()*]/g, (ch) => `%${ch.charCodeAt(0).toString(16).toUpperCase()}`)
}

function etagMatches(ifNoneMatch: string | undefined, etag: string): boolean {
  if (ifNoneMatch === undefined) return false
  return ifNoneMatch.split(',').some((tag) => {
    const t = tag.trim()
    return t === '*' || t === etag || t === `W/${etag}`
  })
}

/**
 * /api/boards/:boardId/assets: upload (the file as the raw request body), copy from other boards
 * (what a paste from another board asks for) and download. A file is served through a board only
 * if that board uploaded or copied it.
 */
export function assetRoutes({ db, config, assets }: { db: Db; config: ServerConfig; assets: AssetStore }) {
  return new Hono<AuthEnv>()
    .post('/:boardId/assets', validate('param', boardParamsSchema), async (c) => {
      const { boardId } = c.req.valid('param')
      const purpose = c.req.header(ASSET_PURPOSE_HEADER)
      if (purpose !== undefined && purpose !== 'take') throw new ApiError(ApiErrorCode.invalidRequest, `${ASSET_PURPOSE_HEADER} may only be "take"`)
      const forTake = purpose === 'take'
      requireBoard(db, boardId)
      const maxBytes = config.maxAssetBytes
      const declaredLength = Number(c.req.header('content-length') ?? 0)
      // Refuse before reading a byte when the client says up front that it is too big.
      if (declaredLength > maxBytes) throw tooLarge(maxBytes)
      if (c.req.header('content-type')?.startsWith('multipart/')) {
        throw new ApiError(ApiErrorCode.unsupportedMediaType, 'send the file itself as the request body, not multipart form data')
      }
      const body = c.req.raw.body
      if (!body) throw new ApiError(ApiErrorCode.invalidRequest, 'the request body must be the file')
      const fileName = fileNameFrom(c.req.header(ASSET_FILE_NAME_HEADER))

      try {
        const stored = await assets.put(boardId, body, { maxBytes, ...(fileName ? { fileName } : {}), ...(forTake ? { accept: acceptTake } : {}) })
        const response: AssetResponse = {
          id: stored.sha256,
          url: assetUrl(boardId, stored.sha256),
          mimeType: stored.mimeType,
          size: stored.size,
        }
        return c.json(response, 201)
      } catch (error) {
        if (error instanceof AssetTooLargeError) throw tooLarge(maxBytes)
        if (error instanceof UnsupportedAssetTypeError) {
          throw forTake ? notATake() : new ApiError(ApiErrorCode.unsupportedMediaType, error.message)
        }
        if (error instanceof ApiError) throw error
        if (error instanceof AssetBoardNotFoundError) throw boardNotFound(boardId)
        // The client went away mid-upload: nobody to answer and nothing to log.
        if (c.req.raw.signal.aborted) throw new ApiError(ApiErrorCode.invalidRequest, 'upload aborted', { cause: error })
        throw error
      }
    })
    .post('/:boardId/assets/copy', jsonBodyLimit, validate('param', boardParamsSchema), validate('json', assetCopyRequestSchema), async (c) => {
      const { boardId } = c.req.valid('param')
      const { urls } = c.req.valid('json')
      try {
        return c.json(await copyBoardAssets({ db, assets }, { principal: c.get('boardAccess').principal, toBoardId: boardId, urls }), 200)
      } catch (error) {
        // Deleted while we copied into it.
        if (error instanceof AssetBoardNotFoundError) throw boardNotFound(boardId)
        throw error
      }
    })
    .get('/:boardId/assets/:assetId', validate('param', assetParamsSchema), async (c) => {
      const { boardId, assetId } = c.req.valid('param')
      return serveBoardAsset(c, { db, assets }, boardId, assetId)
    })
}

/**
 * Answers a GET/HEAD for one of a board's assets (conditional and range requests included).
 * Shared by the board's own route and the review link's, which reaches the same files. A take
 * file the server found damaged or oversized is refused (`take_unreadable`): nothing loads it.
 */
export async function serveBoardAsset(c: Context, { db, assets }: { db: Db; assets: Pick<AssetStore, 'open'> }, boardId: string, assetId: string): Promise<Response> {
  const asset = await assets.open(boardId, assetId)
  if (!asset) throw new ApiError(ApiErrorCode.assetNotFound, `board ${boardId} has no asset ${assetId}`)
  if (isUnreadableTakeFile(db, boardId, assetId)) {
    throw new ApiError(ApiErrorCode.takeUnreadable, `asset ${assetId} is a take file whose header is damaged or declares more than ${VERSION_ASSET_MAX_SIDE} pixels a side: it is not served`)
  }

  const etag = `"${asset.sha256}"`
  c.header('ETag', etag)
  c.header('Cache-Control', IMMUTABLE)
  c.header('X-Content-Type-Options', 'nosniff')
  c.header('Content-Security-Policy', ASSET_CSP)
  c.header('Accept-Ranges', 'bytes')
  if (etagMatches(c.req.header('if-none-match'), etag)) return c.body(null, 304)

  c.header('Content-Type', asset.mimeType)
  if (asset.fileName) c.header('Content-Disposition', `inline; filename*=UTF-8''${encodeRfc5987(asset.fileName)}`)
  return sendRange(c, asset, parseByteRange(c.req.header('range'), asset.size))
}

/** The whole file (200), one byte range of it (206), or 416 for a range past its end. */
function sendRange(
  c: Context,
  asset: OpenedAsset,
  range: ReturnType<typeof parseByteRange>,
): Response {
  if (range === 'unsatisfiable') {
    c.header('Content-Range', `bytes */${asset.size}`)
    return c.body(null, 416)
  }
  if (range === undefined) {
    c.header('Content-Length', String(asset.size))
    return c.req.method === 'HEAD' ? c.body(null, 200) : c.body(asset.stream(), 200)
  }
  c.header('Content-Range', `bytes ${range.start}-${range.end}/${asset.size}`)
  c.header('Content-Length', String(range.end - range.start + 1))
  return c.req.method === 'HEAD' ? c.body(null, 206) : c.body(asset.stream(range), 206)
}
