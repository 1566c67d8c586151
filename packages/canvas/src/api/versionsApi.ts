import { getUserPreferences } from 'tldraw'
import type { VersionAuthor } from '@storyloom/shared/api/versions'
import type { ShotVersion, VersionPatch } from '@storyloom/shared/versions/shotVersion'
import { api, succeed } from './apiClient'
import { uploadAsset } from './assetsApi'

/** This browser's person, as versions and snapshots record their author. */
export function currentAuthor(): VersionAuthor {
  const prefs = getUserPreferences()
  return { id: prefs.id, name: prefs.name?.trim() || 'Guest' }
}

const shotVersions = () => api.boards[':boardId'].shots[':shotId'].versions
const oneVersion = () => api.boards[':boardId'].versions[':versionId']

/** A shot's versions, oldest first, deleted ones included (the panel can show and restore them). */
export async function listShotVersions(boardId: string, shotId: string, signal?: AbortSignal): Promise<ShotVersion[]> {
  const response = await succeed(shotVersions().$get({ param: { boardId, shotId }, query: { deleted: 'include' } }, { init: { signal } }))
  return (await response.json()).versions
}

/** A file already in the board's asset store to make a take of (the server reads a still's size itself; one sent is ignored). */
export interface TakeAsset {
  readonly assetId: string
  readonly width?: number
  readonly height?: number
}

/** Makes a file the board already has a take of the shot, under `parentId` (or as a new root). */
export async function createTake(boardId: string, shotId: string, { assetId, width, height }: TakeAsset, parentId: string | null): Promise<ShotVersion> {
  const size = width !== undefined && height !== undefined ? { width, height } : {}
  const response = await succeed(
    shotVersions().$post({
      param: { boardId, shotId },
      json: { assets: [{ assetId, ...size }], parentId, author: currentAuthor() },
    }),
  )
  return response.json()
}

/** Uploads an image or clip (refused, nothing stored, if it cannot be a take) and makes it a take of the shot, under `parentId` (or as a new root). */
export async function uploadTake(
  boardId: string,
  shotId: string,
  file: File,
  parentId: string | null,
  size?: { width: number; height: number },
): Promise<ShotVersion> {
  const asset = await uploadAsset(boardId, file, undefined, 'take')
  return createTake(boardId, shotId, { assetId: asset.id, ...size }, parentId)
}

export async function patchVersion(boardId: string, versionId: string, patch: VersionPatch): Promise<ShotVersion> {
  return (await succeed(oneVersion().$patch({ param: { boardId, versionId }, json: patch }))).json()
}

/** The query of a delete or restore: made only while the take's revision is still `ifRevision`, when given. */
const ifRevisionQuery = (ifRevision?: number) => (ifRevision === undefined ? {} : { ifRevision: String(ifRevision) })

/** Deletes a take (soft); with `ifRevision`, refused with `version_changed` once it moved on. */
export async function deleteVersion(boardId: string, versionId: string, ifRevision?: number): Promise<ShotVersion> {
  return (await succeed(oneVersion().$delete({ param: { boardId, versionId }, query: ifRevisionQuery(ifRevision) }))).json()
}

/** Restores a deleted take; with `ifRevision`, refused with `version_changed` once it moved on. */
export async function restoreVersion(boardId: string, versionId: string, ifRevision?: number): Promise<ShotVersion> {
  return (await succeed(oneVersion().restore.$post({ param: { boardId, versionId }, query: ifRevisionQuery(ifRevision) }))).json()
}

/** Brings an old take back as the newest take under `parentId` (usually the shot's active version). */
export async function reinstateVersion(boardId: string, versionId: string, parentId: string | null): Promise<ShotVersion> {
  return (await succeed(oneVersion().reinstate.$post({ param: { boardId, versionId }, json: { parentId, author: currentAuthor() } }))).json()
}
