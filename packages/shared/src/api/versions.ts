import { z } from 'zod'
import { shotIdSchema } from '../generation/api'
import { MAX_ID_LENGTH, MAX_TITLE_LENGTH } from '../storyboard/limits'
import { shotVersionSchema, VERSION_ASSET_MAX_SIDE, versionIdSchema, versionLabelSchema } from '../versions/shotVersion'
import { assetIdSchema } from './assets'
import { cleanedPersonName } from './typedName'
import { boardIdSchema } from './boards'

/**
 * The versions HTTP API (see docs/versions-api.md):
 *
 * - `GET    /api/boards/:boardId/shots/:shotId/versions[?deleted=include]` → {@link VersionListResponse}
 * - `POST   /api/boards/:boardId/shots/:shotId/versions` {@link CreateUploadVersionRequest} → 201 version
 * - `GET    /api/boards/:boardId/versions/:versionId` → version
 * - `PATCH  /api/boards/:boardId/versions/:versionId` `VersionPatch` → version
 * - `DELETE /api/boards/:boardId/versions/:versionId[?ifRevision=n]` → the version, hidden (soft delete)
 * - `POST   /api/boards/:boardId/versions/:versionId/restore[?ifRevision=n]` → the version, shown again
 *   (with `ifRevision`, only while the version's `revision` is still n: else 409 `version_changed`)
 * - `POST   /api/boards/:boardId/versions/:versionId/reinstate` {@link ReinstateVersionRequest} → 201
 *   a new take (source `restore`) with the old one's files and parameters
 */

export const shotVersionsPathSchema = z.object({ boardId: boardIdSchema, shotId: shotIdSchema })
export const versionPathSchema = z.object({ boardId: boardIdSchema, versionId: versionIdSchema })

/** The largest revision a query may name (a take is not deleted and restored more often). */
export const MAX_VERSION_REVISION = 2 ** 31 - 1

/**
 * Query of a delete or restore: `ifRevision` makes it conditional on the version's `revision`
 * (see shotVersionSchema). Without it the change is made whatever the take went through; with
 * one that is not a whole number in decimal digits (empty, signed, a fraction) it is refused.
 */
export const versionChangeQuerySchema = z.object({
  ifRevision: z
    .string()
    .regex(/^(0|[1-9][0-9]{0,9})$/, 'ifRevision must be a revision: a whole number of decimal digits')
    .transform(Number)
    .pipe(z.number().max(MAX_VERSION_REVISION, 'ifRevision is beyond any revision'))
    .optional(),
})

/** Query of the list: `deleted=include` also returns deleted versions (to show and restore them). */
export const versionListQuerySchema = z.object({ deleted: z.enum(['include', 'exclude']).default('exclude') })

/** Who made a change, as the client knows itself (until sign-in, the person's display name). */
export const versionAuthorSchema = z.object({
  id: z.string().min(1).max(MAX_ID_LENGTH),
  /** The name the person's device saved: cleaned, not refused (there is no form to correct it in). */
  name: z.string().max(MAX_TITLE_LENGTH).transform(cleanedPersonName),
})
export type VersionAuthor = z.infer<typeof versionAuthorSchema>

/** An uploaded board asset to make a version of; the server fills its URL and media type, and reads a still's size from its header (`width`/`height` sent here are ignored, kept for older clients). */
export const uploadedVersionAssetSchema = z.object({
  assetId: assetIdSchema,
  width: z.number().int().positive().max(VERSION_ASSET_MAX_SIDE).optional(),
  height: z.number().int().positive().max(VERSION_ASSET_MAX_SIDE).optional(),
})

/** Body of `POST …/shots/:shotId/versions`: an uploaded or pasted image (or clip) becomes a take. */
export const createUploadVersionRequestSchema = z.object({
  assets: z.array(uploadedVersionAssetSchema).min(1, 'give the uploaded asset').max(8),
  /** The version it follows from; absent or null: a new root. */
  parentId: versionIdSchema.nullable().default(null),
  label: versionLabelSchema.default(''),
  author: versionAuthorSchema.optional(),
})
export type CreateUploadVersionRequest = z.input<typeof createUploadVersionRequestSchema>

/** Body of the list: the shot's versions, oldest first. */
export const versionListResponseSchema = z.object({ versions: z.array(shotVersionSchema) })
export type VersionListResponse = z.infer<typeof versionListResponseSchema>

/** Body of `POST …/versions/:versionId/reinstate`: bring an old take back as the newest take. */
export const reinstateVersionRequestSchema = z.object({
  /** Where the new take goes (usually the shot's active version); null: a new root. */
  parentId: versionIdSchema.nullable().default(null),
  author: versionAuthorSchema.optional(),
})
export type ReinstateVersionRequest = z.input<typeof reinstateVersionRequestSchema>
