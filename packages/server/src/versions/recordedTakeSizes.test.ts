import { mkdtempSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { assetUrl } from '@storyloom/shared/api/assets'
import type { BoardEventOf } from '@storyloom/shared/events/boardEvents'
import type { VersionAsset } from '@storyloom/shared/versions/shotVersion'
import { webmClip } from '@storyloom/shared/versions/testing/clipFixtures'
import { pngHeader } from '@storyloom/shared/versions/testing/pictureFixtures'
import { createAssetStore, type AssetStore } from '../assets/assetStore'
import { openDatabase, type Db } from '../db/openDatabase'
import { boardAssets, boards } from '../db/schema'
import { measureRecordedTakes } from './recordedTakeSizes'
import { createVersionStore, type VersionStore } from './versionStore'

let dir: string
let db: Db
let assets: AssetStore
let versions: VersionStore
let published: BoardEventOf<'versions_changed'>[]
const events = { publish: (event: BoardEventOf<'versions_changed'>) => published.push(event) }
let rechecked: string[]
const covers = { recheck: (boardId: string) => rechecked.push(boardId) }
const pass = () => measureRecordedTakes({ db, assets, events, covers }, new AbortController().signal)

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'storyloom-take-sizes-'))
  db = openDatabase(':memory:')
  db.insert(boards).values({ id: 'board-a', name: 'A' }).run()
  assets = createAssetStore({ dir, db })
  versions = createVersionStore(db)
  published = []
  rechecked = []
})
afterEach(() => {
  db.$client.close()
  rmSync(dir, { recursive: true, force: true })
})

/** A take recorded as before the server read headers: with the size its client sent. */
async function oldTake(bytes: Uint8Array, lie: { width: number; height: number }, kind: VersionAsset['kind'] = 'image') {
  const { sha256, mimeType } = await assets.put('board-a', new Response(bytes).body!, { maxBytes: 1_000_000 })
  const asset = { assetId: sha256, src: assetUrl('board-a', sha256), mimeType, kind, ...lie } as VersionAsset
  return versions.recordVersion({ boardId: 'board-a', shotId: 'shape:one', source: 'upload', assets: [asset], authorId: 'u1', authorName: 'Ada' }).version
}

describe('measureRecordedTakes', () => {
  it('records the size a take file’s header says instead of the one its client sent, and tells open panels', async () => {
    const take = await oldTake(pngHeader(640, 360, 1), { width: 4000, height: 3 })
    expect(await pass()).toEqual({ measured: 1, unreadable: 0 })
    expect(versions.get('board-a', take.id)?.assets[0]).toMatchObject({ width: 640, height: 360, header: 'read' })
    expect(published).toMatchObject([{ type: 'versions_changed', boardId: 'board-a', shotId: 'shape:one', versionId: take.id }])
  })

  it('marks a take whose file is oversized or damaged, drops its size, and changes nothing else', async () => {
    const bomb = await oldTake(pngHeader(100_000, 100_000, 2), { width: 16, height: 9 })
    const clip = await oldTake(webmClip({ width: 30_000, height: 720 }), { width: 16, height: 9 }, 'video')
    const damaged = await oldTake(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 9, 9, 9]), { width: 16, height: 9 })
    expect(await pass()).toEqual({ measured: 3, unreadable: 3 })
    const after = (id: string) => versions.get('board-a', id)
    const { width: _width, height: _height, ...file } = bomb.assets[0]!
    expect(after(bomb.id)?.assets).toEqual([{ ...file, header: 'oversized' }])
    expect(after(clip.id)?.assets[0]).toMatchObject({ header: 'oversized' })
    expect(after(damaged.id)?.assets[0]).toMatchObject({ header: 'damaged' })
    expect({ ...after(damaged.id), assets: damaged.assets }).toEqual(damaged)
    expect(versions.list('board-a', 'shape:one')).toHaveLength(3)
  })

  it('reads each file once: a second pass reads nothing; a take whose file is gone stays as it was and does not stop the others', async () => {
    const gone = await oldTake(pngHeader(10, 10, 3), { width: 4000, height: 3 })
    const kept = await oldTake(pngHeader(20, 20, 4), { width: 4000, height: 3 })
    // As if the file went missing; the take still names it.
    db.delete(boardAssets).where(eq(boardAssets.sha256, gone.assets[0]!.assetId)).run()
    expect(await pass()).toEqual({ measured: 1, unreadable: 0 })
    expect(await pass()).toEqual({ measured: 0, unreadable: 0 })
    expect(versions.get('board-a', gone.id)?.assets).toEqual(gone.assets)
    expect(versions.get('board-a', kept.id)?.assets[0]).toMatchObject({ width: 20, height: 20, header: 'read' })
  })

  it('chooses the cover again of a board whose cover it finds unreadable, and of no other board', async () => {
    db.insert(boards).values([{ id: 'board-b', name: 'B' }, { id: 'board-c', name: 'C' }]).run()
    const bomb = await oldTake(pngHeader(100_000, 100_000, 5), { width: 16, height: 9 })
    const honest = await oldTake(pngHeader(32, 32, 6), { width: 16, height: 9 })
    const bombId = bomb.assets[0]!.assetId
    // Board A's cover is the bomb; board B's is a readable picture; board C has an unreadable take that is not its cover.
    db.update(boards).set({ coverAssetId: bombId, coverKnown: true }).where(eq(boards.id, 'board-a')).run()
    db.update(boards).set({ coverAssetId: honest.assets[0]!.assetId, coverKnown: true }).where(eq(boards.id, 'board-b')).run()
    const { sha256: other } = await assets.put('board-c', new Response(pngHeader(20_000, 10, 7)).body!, { maxBytes: 1_000_000 })
    versions.recordVersion({ boardId: 'board-c', shotId: 'shape:one', source: 'upload', assets: [{ assetId: other, src: assetUrl('board-c', other), mimeType: 'image/png', kind: 'image' }], authorId: 'u1', authorName: 'Ada' })
    expect(await pass()).toEqual({ measured: 3, unreadable: 2 })
    expect(rechecked).toEqual(['board-a'])
  })
})
