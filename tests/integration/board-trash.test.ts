import { existsSync, readFileSync } from 'node:fs'
import { join } from 'node:path'
import { eq } from 'drizzle-orm'
import { describe, expect, it } from 'vitest'
import WebSocket from 'ws'
import { boardListResponseSchema, boardResponseSchema, deletedBoardListResponseSchema } from '@storyloom/shared/api/boards'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { CloseCode } from '@storyloom/shared/protocol/syncProtocol'
import { versionListResponseSchema } from '@storyloom/shared/api/versions'
import { boards } from '@storyloom/server/db/schema'
import { errorCode } from '../support/apiError'
import { pagesOf, shotShape } from '../support/boardFixtures'
import { boardsOverHttp } from '../support/boardsOverHttp'
import { reviewToken } from '../support/reviewLinks'
import { waitFor, writeRecords } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'

const DAY_MS = 24 * 60 * 60 * 1000
const t = useSyncTestServer()
const { newBoard, upload } = boardsOverHttp(t)

const get = (path: string) => fetch(`${t.server.url}${path}`)
const remove = (boardId: string) => t.api.api.boards[':boardId'].$delete({ param: { boardId } })
const restore = (boardId: string) => fetch(`${t.server.url}/api/trash/${boardId}/restore`, { method: 'POST' })
const deleteForever = (boardId: string) => fetch(`${t.server.url}/api/trash/${boardId}`, { method: 'DELETE' })

async function trash() {
  const res = await get('/api/trash')
  expect(res.status).toBe(200)
  return deletedBoardListResponseSchema.parse(await res.json()).boards
}

async function listedIds(): Promise<string[]> {
  return boardListResponseSchema.parse(await (await get('/api/boards')).json()).boards.map((b) => b.id)
}

/** The file of asset `sha256` on disk (the asset store shards by the hash's first two characters). */
function assetFileExists(sha256: string): boolean {
  return existsSync(join(t.server.dataDir, 'assets', sha256.slice(0, 2), sha256))
}

/** How the sync endpoint answers a plain socket to `boardId`: the close code, or 'open' once the server speaks. */
function syncOutcome(boardId: string): Promise<number | 'open'> {
  const socket = new WebSocket(`${t.server.syncUrl}/${boardId}`)
  return new Promise((resolve, reject) => {
    socket.once('message', () => {
      resolve('open')
      socket.close()
    })
    socket.once('close', (code) => resolve(code))
    socket.once('error', reject)
  })
}

/** A board with a shot (and a take on it), an uploaded file and a review link. */
async function furnishedBoard(name: string) {
  const boardId = await newBoard(name)
  const file = await upload(boardId)
  const take = await t.api.api.boards[':boardId'].shots[':shotId'].versions.$post({
    param: { boardId, shotId: 'shape:hero' },
    json: { assets: [{ assetId: file.id, width: 16, height: 9 }], author: { id: 'u-ada', name: 'Ada' } },
  })
  expect(take.status).toBe(201)
  const token = await reviewToken(t.server.url, boardId)
  const ada = await t.connected(boardId)
  writeRecords(ada, shotShape('hero', pagesOf(ada.doc)[0]!.id, { props: { ...shotShape('hero', 'page:x').props, title: 'Opening' } }))
  return { boardId, file, token, ada }
}

/** Every way in to the board, as status codes (the sync socket as its outcome). */
async function accessPaths(boardId: string, assetId: string, token: string) {
  return {
    board: (await get(`/api/boards/${boardId}`)).status,
    listed: (await listedIds()).includes(boardId),
    asset: (await get(`/api/boards/${boardId}/assets/${assetId}`)).status,
    takes: (await get(`/api/boards/${boardId}/shots/shape:hero/versions`)).status,
    history: (await get(`/api/boards/${boardId}/history`)).status,
    shareLinks: (await get(`/api/boards/${boardId}/share-links`)).status,
    duplicate: (await t.api.api.boards[':boardId'].duplicate.$post({ param: { boardId }, json: {} })).status,
    review: (await get(`/api/review/${token}`)).status,
    reviewAsset: (await get(`/api/review/${token}/assets/${assetId}`)).status,
    rename: (await t.api.api.boards[':boardId'].$patch({ param: { boardId }, json: { name: 'Renamed' } })).status,
    sync: await syncOutcome(boardId),
  }
}

describe('Recently deleted', () => {
  it('hides a deleted board from every path, then restores it with its doc, takes, files and links', async () => {
    const { boardId, file, token, ada } = await furnishedBoard('Week of work')
    const before = readFileSync(join(t.server.dataDir, 'assets', file.id.slice(0, 2), file.id))

    // The shot was written just before the delete: the room's closing keeps it.
    expect((await remove(boardId)).status).toBe(204)
    await waitFor(() => ada.closes.some((c) => c.code === CloseCode.boardNotFound), { what: 'the open connection to be closed as not found' })

    expect(await accessPaths(boardId, file.id, token)).toEqual({
      board: 404, listed: false, asset: 404, takes: 404, history: 404, shareLinks: 404, duplicate: 404,
      review: 404, reviewAsset: 404, rename: 404, sync: CloseCode.boardNotFound,
    })
    expect(await errorCode(await get(`/api/boards/${boardId}`))).toBe('board_not_found')
    expect((await remove(boardId)).status).toBe(404)
    const [inTrash] = await trash()
    expect(inTrash).toMatchObject({ id: boardId, name: 'Week of work' })
    expect(Date.parse(inTrash!.purgeAt) - Date.parse(inTrash!.deletedAt)).toBe(30 * DAY_MS)
    expect(assetFileExists(file.id)).toBe(true)

    const res = await restore(boardId)
    expect(res.status).toBe(200)
    expect(boardResponseSchema.parse(await res.json())).toMatchObject({ id: boardId, name: 'Week of work' })
    expect(await trash()).toEqual([])
    const back = await accessPaths(boardId, file.id, token)
    expect(back).toMatchObject({ board: 200, listed: true, asset: 200, takes: 200, history: 200, shareLinks: 200, duplicate: 201, review: 200, reviewAsset: 200, rename: 200, sync: 'open' })
    expect(Buffer.from(await (await get(`/api/boards/${boardId}/assets/${file.id}`)).arrayBuffer()).equals(before)).toBe(true)
    const takes = versionListResponseSchema.parse(await (await get(`/api/boards/${boardId}/shots/shape:hero/versions`)).json()).versions
    expect(takes.map((v) => v.assets[0]?.assetId)).toEqual([file.id])
    const bea = await t.connected(boardId)
    expect(readRecord(bea.doc, 'shape:hero')).toMatchObject({ props: { title: 'Opening' } })
  })

  it('deletes forever only from the trash, and then the files go', async () => {
    const { boardId, file } = await furnishedBoard('Scrap')
    expect((await deleteForever(boardId)).status).toBe(404) // live: delete it first
    expect((await remove(boardId)).status).toBe(204)
    expect(assetFileExists(file.id)).toBe(true)

    expect((await deleteForever(boardId)).status).toBe(204)
    expect(await trash()).toEqual([])
    await waitFor(() => !assetFileExists(file.id), { what: 'the board’s file to be removed' })
    expect((await restore(boardId)).status).toBe(404)
    expect((await deleteForever(boardId)).status).toBe(404)
  })

  it('purges boards deleted STORYLOOM_TRASH_DAYS ago, at the hourly sweep and at start', async () => {
    const { boardId, file } = await furnishedBoard('Old cut')
    expect((await remove(boardId)).status).toBe(204)
    const deletedAt = Date.parse((await trash())[0]!.deletedAt)

    expect(t.server.trash.sweep(new Date(deletedAt + 30 * DAY_MS - 1))).toEqual([])
    expect((await trash()).map((b) => b.id)).toEqual([boardId])
    expect(t.server.trash.sweep(new Date(deletedAt + 30 * DAY_MS))).toEqual([boardId])
    expect(await trash()).toEqual([])
    await waitFor(() => !assetFileExists(file.id), { what: 'the purged board’s file to be removed' })

    // At start: a board deleted 31 days ago (the clock moved while the server was down).
    const late = await furnishedBoard('Older cut')
    expect((await remove(late.boardId)).status).toBe(204)
    const kept = await furnishedBoard('Yesterday’s cut')
    expect((await remove(kept.boardId)).status).toBe(204)
    t.server.db.update(boards).set({ deletedAt: new Date(Date.now() - 31 * DAY_MS) }).where(eq(boards.id, late.boardId)).run()
    await t.restart()
    expect((await trash()).map((b) => b.id)).toEqual([kept.boardId])
    await waitFor(() => !assetFileExists(late.file.id), { what: 'the file of the board purged at start to be removed' })
  })
})
