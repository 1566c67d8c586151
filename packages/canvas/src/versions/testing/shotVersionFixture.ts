import type { ShotVersion } from '@storyloom/shared/versions/shotVersion'

/** An uploaded take of `shape:s` for unit tests; `extra` overrides any field. */
export function shotVersion(id: string, parentId: string | null, extra: Partial<ShotVersion> = {}): ShotVersion {
  return {
    id,
    boardId: 'b',
    shotId: 'shape:s',
    parentId,
    source: 'upload',
    params: null,
    assets: [{ assetId: '0'.repeat(64), src: '/x', mimeType: 'image/png', kind: 'image' }],
    modelId: null,
    builtInModel: false,
    jobId: null,
    variationIndex: null,
    restoredFromId: null,
    authorId: 'u',
    authorName: 'Ada',
    createdAt: '2026-01-01T00:00:00.000Z',
    label: '',
    starred: false,
    approval: 'none',
    deletedAt: null,
    revision: 0,
    ...extra,
  }
}
