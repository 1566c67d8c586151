import { randomBytes } from 'node:crypto'
import { and, asc, eq, inArray, isNull } from 'drizzle-orm'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import type { ShotVersion, VersionPatch } from '@storyloom/shared/versions/shotVersion'
import { VersionTree } from '@storyloom/shared/versions/versionTree'
import { liveBoardExists } from '../boards/liveBoards'
import type { Db } from '../db/openDatabase'
import { boardAssets, shotVersions } from '../db/schema'
import { recordVersionInputSchema, type RecordVersionInput } from './recordVersionInput'
import { treeProblemError, versionChanged, versionNotFound, VersionStoreError } from './versionStoreErrors'

type VersionRow = typeof shotVersions.$inferSelect

/** `v_` + 12 random bytes as base64url: unguessable and short in a URL. */
export function newVersionId(): string {
  return `v_${randomBytes(12).toString('base64url')}`
}

function toShotVersion(row: VersionRow): ShotVersion {
  return {
    id: row.id,
    boardId: row.boardId,
    shotId: row.shotId,
    parentId: row.parentId,
    source: row.source,
    params: row.params ?? null,
    assets: row.assets,
    modelId: row.modelId,
    builtInModel: row.builtInModel,
    jobId: row.jobId,
    variationIndex: row.variationIndex,
    restoredFromId: row.restoredFromId,
    authorId: row.authorId,
    authorName: row.authorName,
    createdAt: row.createdAt.toISOString(),
    label: row.label,
    starred: row.starred,
    approval: row.approval,
    deletedAt: row.deletedAt ? row.deletedAt.toISOString() : null,
    revision: row.revision,
  }
}

/** A delete or restore made only while the take's `revision` is still `ifRevision` (when given). */
export interface VersionChangeCondition {
  ifRevision?: number
}

/** What `recordVersion` did: `created` is false when the (jobId, variationIndex) was already recorded. */
export interface RecordVersionResult {
  version: ShotVersion
  created: boolean
}

/** The version trees of every shot, in SQLite. Every method is synchronous and transactional. */
export interface VersionStore {
  /**
   * Adds a version. Idempotent on (jobId, variationIndex): recording a generation result again
   * (a retried job) returns the first version unchanged. Throws {@link VersionStoreError} when
   * the board, the parent or an asset is missing, or the parent belongs to another shot/board.
   */
  recordVersion(input: RecordVersionInput): RecordVersionResult
  /** One version of the board, deleted or not. */
  get(boardId: string, versionId: string): ShotVersion | undefined
  /** A shot's versions, oldest first (siblings of one request in variation order). */
  list(boardId: string, shotId: string, options?: { includeDeleted?: boolean }): ShotVersion[]
  /** The takes one generation job recorded (not deleted), in variation order; one indexed lookup. */
  listForJob(boardId: string, jobId: string): ShotVersion[]
  /** Changes label, star, approval or parent (moving a subtree; refused if it makes a cycle). */
  update(boardId: string, versionId: string, patch: VersionPatch): ShotVersion
  /**
   * Hides a version; its children stay and are shown under its nearest visible ancestor. Throws
   * `version_changed` when `ifRevision` is given and the take's revision moved on.
   */
  softDelete(boardId: string, versionId: string, condition?: VersionChangeCondition): ShotVersion
  /** Brings a deleted version back where it was (on the same condition as softDelete). */
  restore(boardId: string, versionId: string, condition?: VersionChangeCondition): ShotVersion
  /**
   * Records an old take again as a new version (source `restore`) under `parentId`, with the
   * same files, parameters and model, so going back is itself a step in the tree.
   */
  reinstate(boardId: string, versionId: string, under: { parentId: string | null; author: { id: string; name: string } }): ShotVersion
}

/** The version store over `db`'s `shot_versions` table. */
export function createVersionStore(db: Db): VersionStore {
  const byId = (boardId: string, versionId: string) =>
    db
      .select()
      .from(shotVersions)
      .where(and(eq(shotVersions.boardId, boardId), eq(shotVersions.id, versionId)))
      .get()

  const requireRow = (boardId: string, versionId: string) => {
    const row = byId(boardId, versionId)
    if (!row) throw versionNotFound(versionId)
    return row
  }

  const shotTree = (boardId: string, shotId: string) =>
    new VersionTree(
      db
        .select()
        .from(shotVersions)
        .where(and(eq(shotVersions.boardId, boardId), eq(shotVersions.shotId, shotId)))
        .all()
        .map(toShotVersion),
    )

  const setFields = (boardId: string, versionId: string, fields: Partial<VersionRow>) => {
    const row = db
      .update(shotVersions)
      .set(fields)
      .where(and(eq(shotVersions.boardId, boardId), eq(shotVersions.id, versionId)))
      .returning()
      .get()
    if (!row) throw versionNotFound(versionId)
    return toShotVersion(row)
  }

  /** Deletes or restores a take in one transaction, the condition checked against the row it changes. */
  const setDeleted = (boardId: string, versionId: string, deletedAt: Date | null, { ifRevision }: VersionChangeCondition) =>
    db.transaction(() => {
      const row = requireRow(boardId, versionId)
      if (ifRevision !== undefined && row.revision !== ifRevision) throw versionChanged(versionId, ifRevision, row.revision)
      if ((row.deletedAt === null) === (deletedAt === null)) return toShotVersion(row)
      return setFields(boardId, versionId, { deletedAt, revision: row.revision + 1 })
    })

  const existingForJob = (jobId: string | null, variationIndex: number | null) =>
    jobId === null || variationIndex === null
      ? undefined
      : db
          .select()
          .from(shotVersions)
          .where(and(eq(shotVersions.jobId, jobId), eq(shotVersions.variationIndex, variationIndex)))
          .get()

  const store: VersionStore = {
    recordVersion(rawInput) {
      const parsed = recordVersionInputSchema.safeParse(rawInput)
      if (!parsed.success) {
        const message = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ')
        throw new VersionStoreError(ApiErrorCode.invalidRequest, message)
      }
      const input = parsed.data
      return db.transaction(() => {
        const existing = existingForJob(input.jobId, input.variationIndex)
        if (existing) return { version: toShotVersion(existing), created: false }

        if (!liveBoardExists(db, input.boardId)) throw new VersionStoreError(ApiErrorCode.boardNotFound, `board ${input.boardId} does not exist`)
        if (input.parentId !== null) {
          const parent = db.select().from(shotVersions).where(eq(shotVersions.id, input.parentId)).get()
          const tree = new VersionTree(parent ? [toShotVersion(parent)] : [])
          const problem = tree.checkParent({ id: null, boardId: input.boardId, shotId: input.shotId }, input.parentId)
          if (problem) throw treeProblemError(problem)
        }
        if (input.restoredFromId !== null && !byId(input.boardId, input.restoredFromId)) {
          throw versionNotFound(input.restoredFromId)
        }
        const assetIds = [...new Set(input.assets.map((asset) => asset.assetId))]
        const known = new Set(
          db
            .select({ sha256: boardAssets.sha256 })
            .from(boardAssets)
            .where(and(eq(boardAssets.boardId, input.boardId), inArray(boardAssets.sha256, assetIds)))
            .all()
            .map((row) => row.sha256),
        )
        const missing = assetIds.find((id) => !known.has(id))
        if (missing) {
          throw new VersionStoreError(ApiErrorCode.assetNotFound, `asset ${missing} is not on this board (deleted, or never uploaded)`)
        }

        const row = db
          .insert(shotVersions)
          .values({
            id: newVersionId(),
            boardId: input.boardId,
            shotId: input.shotId,
            parentId: input.parentId,
            source: input.source,
            params: input.params,
            assets: input.assets,
            modelId: input.modelId,
            builtInModel: input.builtInModel,
            jobId: input.jobId,
            variationIndex: input.variationIndex,
            restoredFromId: input.restoredFromId,
            authorId: input.authorId,
            authorName: input.authorName,
            label: input.label,
            createdAt: input.createdAt ?? new Date(),
          })
          .returning()
          .get()
        return { version: toShotVersion(row), created: true }
      })
    },

    get(boardId, versionId) {
      const row = byId(boardId, versionId)
      return row ? toShotVersion(row) : undefined
    },

    list(boardId, shotId, options = {}) {
      const rows = db
        .select()
        .from(shotVersions)
        .where(and(eq(shotVersions.boardId, boardId), eq(shotVersions.shotId, shotId)))
        .orderBy(asc(shotVersions.createdAt), asc(shotVersions.variationIndex), asc(shotVersions.id))
        .all()
      const versions = rows.map(toShotVersion)
      return options.includeDeleted ? versions : versions.filter((version) => version.deletedAt === null)
    },

    listForJob(boardId, jobId) {
      return db
        .select()
        .from(shotVersions)
        .where(and(eq(shotVersions.jobId, jobId), eq(shotVersions.boardId, boardId), isNull(shotVersions.deletedAt)))
        .orderBy(asc(shotVersions.variationIndex))
        .all()
        .map(toShotVersion)
    },

    update(boardId, versionId, patch) {
      return db.transaction(() => {
        const row = requireRow(boardId, versionId)
        if (patch.parentId !== undefined && patch.parentId !== row.parentId) {
          const problem = shotTree(boardId, row.shotId).checkParent(
            { id: row.id, boardId, shotId: row.shotId },
            patch.parentId,
          )
          if (problem) throw treeProblemError(problem)
        }
        return setFields(boardId, versionId, patch)
      })
    },

    softDelete(boardId, versionId, condition = {}) {
      return setDeleted(boardId, versionId, new Date(), condition)
    },

    restore(boardId, versionId, condition = {}) {
      return setDeleted(boardId, versionId, null, condition)
    },

    reinstate(boardId, versionId, { parentId, author }) {
      const old = toShotVersion(requireRow(boardId, versionId))
      return store.recordVersion({
        boardId,
        shotId: old.shotId,
        parentId,
        source: 'restore',
        params: old.params,
        assets: old.assets,
        modelId: old.modelId,
        builtInModel: old.builtInModel,
        restoredFromId: old.id,
        authorId: author.id,
        authorName: author.name,
        label: old.label,
      }).version
    },
  }
  return store
}
