import { afterEach, describe, expect, it } from 'vitest'
import { assetUrl } from '@storyloom/shared/api/assets'
import { boardListResponseSchema } from '@storyloom/shared/api/boards'
import type { VersionAsset } from '@storyloom/shared/versions/shotVersion'
import { shotVersionSchema } from '@storyloom/shared/versions/shotVersion'
import { mp4Clip } from '@storyloom/shared/versions/testing/clipFixtures'
import { createApiClient } from '@storyloom/server/http/apiClient'
import { pagesOf, shotShape } from '../support/boardFixtures'
import { makePng } from '../support/makePng'
import { connectClient, waitFor, writeRecords } from '../support/syncClient'
import { startTestServer, type TestServer } from '../support/testServer'

let current: TestServer | undefined
afterEach(async () => {
  await current?.dispose()
  current = undefined
})

/** A real PNG whose IHDR then claims `width` × `height` (its data stays 16 × 9). */
function pngClaiming(width: number, height: number): Uint8Array<ArrayBuffer> {
  const png = makePng(16, 9, 3)
  const view = new DataView(png.buffer)
  view.setUint32(16, width)
  view.setUint32(20, height)
  return png
}

const shotId = 'shape:shot1'

describe('takes recorded before the server read their headers', () => {
  it('get the size their stored file says, once, at the next start; a damaged or oversized file’s take stays, marked', async () => {
    let server = (current = await startTestServer())
    const dataDir = server.dataDir
    const api = () => createApiClient(server.url)
    const board = await api().api.boards.$post({ json: { name: 'Old takes' } })
    const { id: boardId } = (await board.json()) as { id: string }
    // Stored as plain assets (no take check), as every file was before.
    const store = async (bytes: Uint8Array<ArrayBuffer>) => {
      const res = await api().api.boards[':boardId'].assets.$post({ param: { boardId } }, { init: { body: bytes } })
      expect(res.status).toBe(201)
      return (await res.json()) as { id: string; mimeType: VersionAsset['mimeType'] }
    }
    const old = async (bytes: Uint8Array<ArrayBuffer>, lie: { width: number; height: number }, kind: VersionAsset['kind'] = 'image') => {
      const { id, mimeType } = await store(bytes)
      // What the client sent then, recorded as it was: no header read.
      const asset: VersionAsset = { assetId: id, src: assetUrl(boardId, id), mimeType, kind, ...lie }
      return server.generation.versions.recordVersion({ boardId, shotId, source: 'upload', assets: [asset], authorId: 'u1', authorName: 'Ada' }).version.id
    }
    const honest = await old(makePng(40, 30, 1), { width: 4000, height: 3 })
    const bomb = await old(pngClaiming(100_000, 100_000), { width: 16, height: 9 })
    const damaged = await old(new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...new Array(300).fill(5)]), { width: 100, height: 100 })
    const clip = await old(mp4Clip({ width: 1280, height: 720 }), { width: 9, height: 9 }, 'video')

    server = current = await server.restart()
    expect(server.dataDir).toBe(dataDir)
    expect(await server.takeSizes).toEqual({ measured: 4, unreadable: 2 })

    const res = await api().api.boards[':boardId'].shots[':shotId'].versions.$get({ param: { boardId, shotId }, query: {} })
    expect(res.status).toBe(200)
    const takes = ((await res.json()) as { versions: unknown[] }).versions.map((v) => shotVersionSchema.parse(v))
    const fileOf = (id: string) => takes.find((take) => take.id === id)?.assets[0]
    expect(fileOf(honest)).toMatchObject({ width: 40, height: 30, header: 'read' })
    expect(fileOf(clip)).toMatchObject({ width: 1280, height: 720, header: 'read' })
    expect(fileOf(bomb)).toMatchObject({ header: 'oversized' })
    expect(fileOf(damaged)).toMatchObject({ header: 'damaged' })
    expect([fileOf(bomb)?.width, fileOf(damaged)?.width]).toEqual([undefined, undefined])

    // Read once: the next start finds nothing left to read. The readable files are served; the
    // unreadable ones are kept, but refused to every browser (a bomb would exhaust its tab).
    server = current = await server.restart()
    expect(await server.takeSizes).toEqual({ measured: 0, unreadable: 0 })
    const served = async (id: string) => {
      const got = await api().api.boards[':boardId'].assets[':assetId'].$get({ param: { boardId, assetId: fileOf(id)!.assetId } })
      return [got.status, got.ok ? null : ((await got.json()) as { error: { code: string } }).error.code]
    }
    expect(await Promise.all([honest, clip, bomb, damaged].map(served))).toEqual([
      [200, null],
      [200, null],
      [422, 'take_unreadable'],
      [422, 'take_unreadable'],
    ])
  })

  it('a board whose cover they find unreadable gets another cover at once, not at its next change', async () => {
    let server = (current = await startTestServer())
    const api = () => createApiClient(server.url)
    const { id: boardId } = (await (await api().api.boards.$post({ json: { name: 'Bomb cover' } })).json()) as { id: string }
    const store = async (bytes: Uint8Array<ArrayBuffer>) => (await (await api().api.boards[':boardId'].assets.$post({ param: { boardId } }, { init: { body: bytes } })).json()) as { id: string; url: string }
    const [bomb, honest] = [await store(pngClaiming(100_000, 100_000)), await store(makePng(40, 30, 2))]
    // Recorded before headers were read: nothing yet says the first shot's take is a bomb.
    const take = server.generation.versions.recordVersion({
      boardId,
      shotId: 'shape:opening',
      source: 'upload',
      assets: [{ assetId: bomb.id, src: bomb.url, mimeType: 'image/png', kind: 'image', width: 16, height: 9 }],
      authorId: 'u1',
      authorName: 'Ada',
    }).version
    const ada = connectClient(server.syncUrl, boardId)
    await ada.synced()
    const page = pagesOf(ada.doc)[0]!.id
    const [opening, next] = [shotShape('opening', page), shotShape('next', page)]
    const picture = (asset: { id: string; url: string }) => ({ assetId: `asset:${asset.id}`, src: asset.url, kind: 'image' })
    writeRecords(
      ada,
      { ...opening, props: { ...opening.props, order: 'a1', media: picture(bomb), activeVersionId: take.id } },
      { ...next, props: { ...next.props, order: 'a2', media: picture(honest) } },
    )
    const cover = async () => boardListResponseSchema.parse(await (await api().api.boards.$get()).json()).boards.find((b) => b.id === boardId)?.coverUrl
    await waitFor(async () => (await cover()) === bomb.url, { what: 'the bomb as the cover, as before headers were read' })
    ada.destroy()

    server = current = await server.restart()
    expect(await server.takeSizes).toEqual({ measured: 1, unreadable: 1 })
    // No one opened or changed the board since: the next shot's picture is its cover already.
    expect(await cover()).toBe(honest.url)
  })
})
