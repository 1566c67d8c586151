import { beforeEach, describe, expect, it } from 'vitest'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import type { VersionAsset } from '@storyloom/shared/versions/shotVersion'
import { VersionTree } from '@storyloom/shared/versions/versionTree'
import { openDatabase, type Db } from '../db/openDatabase'
import { boardAssets, boards } from '../db/schema'
import type { RecordVersionInput } from './recordVersionInput'
import { createVersionStore, type VersionStore } from './versionStore'
import { VersionStoreError } from './versionStoreErrors'

const sha = (n: number) => n.toString(16).padStart(64, '0')
const asset = (n: number): VersionAsset => ({
  assetId: sha(n),
  src: `/api/boards/board-a/assets/${sha(n)}`,
  mimeType: 'image/png',
  kind: 'image',
  width: 512,
  height: 288,
})
const params = { prompt: 'a lighthouse at dusk', seed: 7, steps: 4, guidance: 1, width: 512, height: 288, modelId: 'tiny' }

let db: Db
let store: VersionStore

function upload(extra: Partial<RecordVersionInput> = {}): RecordVersionInput {
  return { boardId: 'board-a', shotId: 'shape:one', source: 'upload', assets: [asset(1)], authorId: 'u1', authorName: 'Ada', ...extra }
}

function refusal(run: () => unknown): string {
  try {
    run()
  } catch (error) {
    if (error instanceof VersionStoreError) return error.code
    throw error
  }
  throw new Error('expected the call to be refused')
}

beforeEach(() => {
  db = openDatabase(':memory:')
  const now = new Date()
  db.insert(boards).values([
    { id: 'board-a', name: 'A', createdAt: now, updatedAt: now },
    { id: 'board-b', name: 'B', createdAt: now, updatedAt: now },
  ]).run()
  for (const boardId of ['board-a', 'board-b']) {
    db.insert(boardAssets).values([1, 2, 3].map((n) => ({ boardId, sha256: sha(n), mimeType: 'image/png', size: 10, createdAt: now }))).run()
  }
  store = createVersionStore(db)
})

describe('version store', () => {
  it('records a generation result once, however often the job retries', () => {
    const input = upload({ source: 'generation', params, modelId: 'tiny', builtInModel: true, jobId: 'job-1', variationIndex: 0 })
    const first = store.recordVersion(input)
    const again = store.recordVersion({ ...input, assets: [asset(2)] })
    expect(first.created).toBe(true)
    expect(again).toEqual({ version: first.version, created: false })
    expect(first.version).toMatchObject({ source: 'generation', builtInModel: true, modelId: 'tiny', label: '', starred: false, approval: 'none' })
    expect(first.version.params).toMatchObject({ prompt: 'a lighthouse at dusk', negativePrompt: '', variations: 1 })
    // A second variation of the same job is a sibling, not a duplicate.
    const sibling = store.recordVersion({ ...input, variationIndex: 1 })
    expect(sibling.created).toBe(true)
    expect(store.list('board-a', 'shape:one').map((v) => v.variationIndex)).toEqual([0, 1])
  })

  it("lists one job's takes in variation order, only on its board and without deleted ones", () => {
    const take = (jobId: string, variationIndex: number, extra: Partial<RecordVersionInput> = {}) =>
      store.recordVersion(upload({ source: 'generation', params, modelId: 'tiny', jobId, variationIndex, ...extra })).version
    take('job-1', 2)
    const hidden = take('job-1', 1)
    take('job-1', 0)
    take('job-2', 0)
    take('job-3', 0, { boardId: 'board-b' })
    store.softDelete('board-a', hidden.id)
    expect(store.listForJob('board-a', 'job-1').map((v) => v.variationIndex)).toEqual([0, 2])
    expect(store.listForJob('board-a', 'job-3')).toEqual([])
    expect(store.listForJob('board-b', 'job-3')).toHaveLength(1)
  })

  it('builds a branching tree and keeps it consistent when moving a branch', () => {
    const root = store.recordVersion(upload()).version
    const a = store.recordVersion(upload({ parentId: root.id, assets: [asset(2)] })).version
    const b = store.recordVersion(upload({ parentId: root.id })).version
    const a1 = store.recordVersion(upload({ parentId: a.id })).version
    expect(store.update('board-a', b.id, { parentId: a1.id }).parentId).toBe(a1.id)
    expect(refusal(() => store.update('board-a', a.id, { parentId: b.id }))).toBe(ApiErrorCode.versionCycle)
    expect(refusal(() => store.update('board-a', a.id, { parentId: a.id }))).toBe(ApiErrorCode.versionCycle)
    const tree = new VersionTree(store.list('board-a', 'shape:one'))
    expect(tree.problems()).toEqual([])
    expect(tree.pathToRoot(b.id).map((v) => v.id)).toEqual([b.id, a1.id, a.id, root.id])
  })

  it('refuses parents of another shot or board, missing parents and assets the board does not have', () => {
    const other = store.recordVersion(upload({ shotId: 'shape:two' })).version
    const elsewhere = store.recordVersion(upload({ boardId: 'board-b' })).version
    expect(refusal(() => store.recordVersion(upload({ parentId: other.id })))).toBe(ApiErrorCode.versionParentInvalid)
    expect(refusal(() => store.recordVersion(upload({ parentId: elsewhere.id })))).toBe(ApiErrorCode.versionParentInvalid)
    expect(refusal(() => store.recordVersion(upload({ parentId: 'v_AAAAAAAAAAAAAAAA' })))).toBe(ApiErrorCode.versionParentInvalid)
    expect(refusal(() => store.recordVersion(upload({ assets: [asset(9)] })))).toBe(ApiErrorCode.assetNotFound)
    expect(refusal(() => store.recordVersion(upload({ boardId: 'nope' })))).toBe(ApiErrorCode.boardNotFound)
    expect(refusal(() => store.recordVersion(upload({ source: 'generation' })))).toBe(ApiErrorCode.invalidRequest)
    expect(refusal(() => store.recordVersion(upload({ jobId: 'j' })))).toBe(ApiErrorCode.invalidRequest)
    expect(refusal(() => store.update('board-a', elsewhere.id, { starred: true }))).toBe(ApiErrorCode.versionNotFound)
    expect(store.get('board-a', elsewhere.id)).toBeUndefined()
    expect(store.list('board-a', 'shape:one')).toEqual([])
  })

  it('labels, stars and approves', () => {
    const v = store.recordVersion(upload()).version
    const changed = store.update('board-a', v.id, { label: 'Client pick', starred: true, approval: 'approved' })
    expect(changed).toMatchObject({ label: 'Client pick', starred: true, approval: 'approved' })
    expect(store.get('board-a', v.id)).toEqual(changed)
  })

  it('soft-deletes without breaking the tree and restores', () => {
    const root = store.recordVersion(upload()).version
    const mid = store.recordVersion(upload({ parentId: root.id })).version
    const leaf = store.recordVersion(upload({ parentId: mid.id })).version
    expect(store.softDelete('board-a', mid.id).deletedAt).not.toBeNull()
    expect(store.list('board-a', 'shape:one').map((v) => v.id)).toEqual([root.id, leaf.id])
    const all = store.list('board-a', 'shape:one', { includeDeleted: true })
    const shown = new VersionTree(all).project((v) => v.deletedAt === null)
    expect(shown.shownParentOf.get(leaf.id)).toBe(root.id)
    // Iterating from a version someone deleted meanwhile still records (the child shows under its ancestor).
    expect(store.recordVersion(upload({ parentId: mid.id })).created).toBe(true)
    expect(store.restore('board-a', mid.id).deletedAt).toBeNull()
    expect(store.list('board-a', 'shape:one')).toHaveLength(4)
  })

  it('goes away with its board', () => {
    store.recordVersion(upload())
    db.delete(boards).run()
    expect(store.list('board-a', 'shape:one', { includeDeleted: true })).toEqual([])
  })
})

describe('reinstating an old take', () => {
  it('records it again as the newest take, remembering where it came from', () => {
    const old = store.recordVersion(upload({ source: 'generation', params, modelId: 'tiny', builtInModel: true, jobId: 'j1', variationIndex: 0, label: 'first light' })).version
    const later = store.recordVersion(upload({ parentId: old.id, assets: [asset(2)] })).version
    const back = store.reinstate('board-a', old.id, { parentId: later.id, author: { id: 'u2', name: 'Ben' } })
    expect(back).toMatchObject({ source: 'restore', restoredFromId: old.id, parentId: later.id, assets: old.assets, params: old.params, modelId: 'tiny', label: 'first light', authorName: 'Ben', jobId: null })
    expect(refusal(() => store.reinstate('board-b', old.id, { parentId: null, author: { id: 'u', name: 'U' } }))).toBe(ApiErrorCode.versionNotFound)
  })
})
