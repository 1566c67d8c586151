import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { ApiErrorCode } from '@storyloom/shared/api/errors'
import { putRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import { generationParamsSchema, type GenerationJob } from '@storyloom/shared/generation/jobs'
import type { WorkerJobResult, WorkerResultCommit } from '@storyloom/shared/generation/workerApi'
import { SHOT_SHAPE_TYPE, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { pngHeader } from '@storyloom/shared/versions/testing/pictureFixtures'
import { createAssetStore, type AssetStore } from '../assets/assetStore'
import { openDatabase, type Db } from '../db/openDatabase'
import { boards } from '../db/schema'
import { ApiError } from '../http/errors'
import type { SyncServer } from '../sync/createSyncServer'
import { createVersionStore, type VersionStore } from '../versions/versionStore'
import { ResultCommitter } from './resultCommitter'

const SHOT = 'shape:one'
const job: GenerationJob<WorkerJobResult> = {
  id: 'job-1',
  boardId: 'board-a',
  shotId: SHOT,
  requestedBy: 'u1',
  params: generationParamsSchema.parse({ prompt: 'A ferry at dawn', seed: 1, steps: 4, guidance: 5, width: 512, height: 512, variations: 2 }),
  priority: 0,
  status: 'running',
  attempts: 1,
  progress: 0,
  createdAt: Date.now(),
}

let dir: string
let db: Db
let assets: AssetStore
let versions: VersionStore
let doc: Y.Doc
let committer: ResultCommitter

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'storyloom-results-'))
  db = openDatabase(':memory:')
  db.insert(boards).values({ id: 'board-a', name: 'A' }).run()
  assets = createAssetStore({ dir, db })
  versions = createVersionStore(db)
  doc = new Y.Doc()
  // Only what the committer reads of a shot: its type and the take it shows.
  putRecords(doc, [{ id: SHOT, typeName: 'shape', type: SHOT_SHAPE_TYPE, props: { activeVersionId: null, media: null } } as unknown as TLShotShape])
  const rooms: Pick<SyncServer, 'withRoom'> = {
    withRoom: (_boardId, fn) => fn({ read: (read) => read(doc), applyServerChange: (change) => change(doc) } as Parameters<typeof fn>[0]),
  }
  committer = new ResultCommitter({ queue: { get: async (id) => (id === job.id ? job : undefined) }, versions, rooms, assets })
})
afterEach(() => {
  db.$client.close()
  doc.destroy()
  rmSync(dir, { recursive: true, force: true })
})

const stored = async (bytes: Uint8Array) => (await assets.put('board-a', new Response(bytes).body!, { maxBytes: 1_000_000 })).sha256
const shownOnShot = () => (readRecord(doc, SHOT) as TLShotShape).props.activeVersionId
const result = (assetId: string, variationIndex = 0): WorkerResultCommit => ({
  variationIndex,
  seed: 1 + variationIndex,
  model: { id: 'tiny', name: 'Tiny', builtIn: true },
  // What the worker says; only the file's header is believed.
  image: { assetId, width: 64, height: 64 },
})

describe('ResultCommitter.commit', () => {
  it('records a generated take with the size its file says, and shows the first on the shot', async () => {
    const { versionId } = await committer.commit(job.id, result(await stored(pngHeader(640, 360, 1))))
    expect(versions.get('board-a', versionId!)?.assets[0]).toMatchObject({ width: 640, height: 360, header: 'read' })
    expect(shownOnShot()).toBe(versionId)
  })

  it.each([
    ['damaged', new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9, 9]), ApiErrorCode.unsupportedMediaType],
    ['oversized', pngHeader(100_000, 100_000, 2), ApiErrorCode.invalidSize],
  ] as const)('keeps a worker file found %s as an unreadable take, never shown on the shot, and tells the worker why', async (header, bytes, code) => {
    const assetId = await stored(bytes)
    const refused = await committer.commit(job.id, result(assetId)).catch((error: unknown) => error)
    expect(refused).toBeInstanceOf(ApiError)
    expect(refused).toMatchObject({ code, message: expect.stringMatching(/cannot be read as a take|at most 16384 pixels/u) })
    const [take] = versions.listForJob('board-a', job.id)
    expect(take?.assets).toEqual([expect.objectContaining({ assetId, header })])
    expect(take?.assets[0]?.width).toBeUndefined()
    expect(shownOnShot()).toBeNull()
    // A retried commit records nothing twice and is refused the same way.
    await expect(committer.commit(job.id, result(assetId))).rejects.toMatchObject({ code })
    expect(versions.listForJob('board-a', job.id)).toHaveLength(1)
  })

  it('refuses a take whose file the board does not have, recording nothing', async () => {
    await expect(committer.commit(job.id, result('a'.repeat(64)))).rejects.toMatchObject({ code: ApiErrorCode.assetNotFound })
    expect(versions.listForJob('board-a', job.id)).toEqual([])
  })
})
