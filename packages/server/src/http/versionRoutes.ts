import { Hono } from 'hono'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import {
  createUploadVersionRequestSchema,
  reinstateVersionRequestSchema,
  shotVersionsPathSchema,
  versionChangeQuerySchema,
  versionListQuerySchema,
  versionPathSchema,
  type VersionListResponse,
} from '@storyloom/shared/api/versions'
import { versionPatchSchema, type ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { authorOf } from '../access/principal'
import type { AssetStore } from '../assets/assetStore'
import type { Db } from '../db/openDatabase'
import { measuredVersionAssets, uploadedVersionAssets } from '../versions/uploadedVersionAssets'
import type { VersionStore } from '../versions/versionStore'
import { VersionStoreError } from '../versions/versionStoreErrors'
import type { AuthEnv } from './authEnv'
import { ApiError } from './errors'
import { jsonBodyLimit } from './jsonBodyLimit'
import { requireBoard } from './requireBoard'
import { validate } from './validate'

function apiErrorOf(error: unknown): unknown {
  return error instanceof VersionStoreError ? new ApiError(error.code, error.message, { cause: error }) : error
}

/** Runs a store call, turning its refusals into API errors with the same code. */
function storeCall<T>(run: () => T): T {
  try {
    return run()
  } catch (error) {
    throw apiErrorOf(error)
  }
}

/** /api/boards/:boardId/…/versions: every shot's version tree (see docs/versions-api.md). */
export function versionRoutes({ db, versions, assets }: { db: Db; versions: VersionStore; assets: Pick<AssetStore, 'open'> }) {
  return new Hono<AuthEnv>()
    .get(
      '/:boardId/shots/:shotId/versions',
      validate('param', shotVersionsPathSchema),
      validate('query', versionListQuerySchema),
      (c) => {
        const { boardId, shotId } = c.req.valid('param')
        requireBoard(db, boardId)
        const includeDeleted = c.req.valid('query').deleted === 'include'
        return c.json({ versions: versions.list(boardId, shotId, { includeDeleted }) } satisfies VersionListResponse, 200)
      },
    )
    .post(
      '/:boardId/shots/:shotId/versions',
      jsonBodyLimit,
      validate('param', shotVersionsPathSchema),
      validate('json', createUploadVersionRequestSchema),
      async (c) => {
        const { boardId, shotId } = c.req.valid('param')
        const body = c.req.valid('json')
        requireBoard(db, boardId)
        const author = authorOf(c.get('boardAccess').principal, body.author)
        // Each still's size is read from its file: a header that cannot be read, or one over the
        // limit, is refused here rather than becoming a blank or tab-exhausting take.
        const measured = await measuredVersionAssets(assets, boardId, storeCall(() => uploadedVersionAssets(db, boardId, body.assets))).catch(
          (error: unknown) => {
            throw apiErrorOf(error)
          },
        )
        const { version } = storeCall(() =>
          versions.recordVersion({
            boardId,
            shotId,
            source: 'upload',
            parentId: body.parentId,
            assets: measured,
            label: body.label,
            authorId: author.id,
            authorName: author.name,
          }),
        )
        return c.json(version satisfies ShotVersion, 201)
      },
    )
    .get('/:boardId/versions/:versionId', validate('param', versionPathSchema), (c) => {
      const { boardId, versionId } = c.req.valid('param')
      requireBoard(db, boardId)
      const version = versions.get(boardId, versionId)
      if (!version) throw new ApiError(ApiErrorCode.versionNotFound, `version ${versionId} does not exist on this board`)
      return c.json(version satisfies ShotVersion, 200)
    })
    .patch(
      '/:boardId/versions/:versionId',
      jsonBodyLimit,
      validate('param', versionPathSchema),
      validate('json', versionPatchSchema),
      (c) => {
        const { boardId, versionId } = c.req.valid('param')
        requireBoard(db, boardId)
        const version = storeCall(() => versions.update(boardId, versionId, c.req.valid('json')))
        return c.json(version satisfies ShotVersion, 200)
      },
    )
    .delete('/:boardId/versions/:versionId', validate('param', versionPathSchema), validate('query', versionChangeQuerySchema), (c) => {
      const { boardId, versionId } = c.req.valid('param')
      requireBoard(db, boardId)
      return c.json(storeCall(() => versions.softDelete(boardId, versionId, c.req.valid('query'))) satisfies ShotVersion, 200)
    })
    .post('/:boardId/versions/:versionId/restore', validate('param', versionPathSchema), validate('query', versionChangeQuerySchema), (c) => {
      const { boardId, versionId } = c.req.valid('param')
      requireBoard(db, boardId)
      return c.json(storeCall(() => versions.restore(boardId, versionId, c.req.valid('query'))) satisfies ShotVersion, 200)
    })
    .post(
      '/:boardId/versions/:versionId/reinstate',
      jsonBodyLimit,
      validate('param', versionPathSchema),
      validate('json', reinstateVersionRequestSchema),
      (c) => {
        const { boardId, versionId } = c.req.valid('param')
        const body = c.req.valid('json')
        requireBoard(db, boardId)
        const author = authorOf(c.get('boardAccess').principal, body.author)
        const version = storeCall(() => versions.reinstate(boardId, versionId, { parentId: body.parentId, author }))
        return c.json(version satisfies ShotVersion, 201)
      },
    )
}
