import { readdirSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { readAllRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import { boardListResponseSchema, boardResponseSchema, type BoardResponse } from '@storyloom/shared/api/boards'
import { shareLinkResponseSchema } from '@storyloom/shared/review/shareLinks'
import { boardSnapshotListResponseSchema } from '@storyloom/shared/api/history'
import { versionListResponseSchema } from '@storyloom/shared/api/versions'
import { reviewMap } from '@storyloom/shared/review/reviewDoc'
import { BOARD_SETTINGS_ID, createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { makeWav } from '../support/makeWav'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotVersionSchema, type ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { VersionTree } from '@storyloom/shared/versions/versionTree'
import { errorCode } from '../support/apiError'
import { drawShape, imageAssetRecord, pageRecord, pagesOf, shotShape, uploadedImageShape } from '../support/boardFixtures'
import { waitFor, writeRecords, type SyncClient } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'
import { boardsOverHttp } from '../support/boardsOverHttp'
import { addMembers, signUp, type TestAccount } from '../support/accounts'
import { useHttpTestServer } from '../support/httpTestServer'
import { memberListResponseSchema } from '@storyloom/shared/api/accounts'
import { createBoard } from '../support/syncClient'

const t = useSyncTestServer()
const { newBoard, upload } = boardsOverHttp(t)

async function addTake(boardId: string, shotId: string, body: { parentId?: string; label?: string } = {}): Promise<ShotVersion> {
  const { id: assetId } = await upload(boardId)
  const res = await t.api.api.boards[':boardId'].shots[':shotId'].versions.$post({
    param: { boardId, shotId },
    json: { assets: [{ assetId, width: 16, height: 9 }], author: { id: 'u-ada', name: 'Ada' }, ...body },
  })
  expect(res.status).toBe(201)
  return shotVersionSchema.parse(await res.json())
}

async function takes(boardId: string, shotId: string): Promise<ShotVersion[]> {
  const res = await t.api.api.boards[':boardId'].shots[':shotId'].versions.$get({ param: { boardId, shotId }, query: { deleted: 'include' } })
  expect(res.status).toBe(200)
  return versionListResponseSchema.parse(await res.json()).versions
}

async function duplicate(boardId: string, json: { name?: string } = {}): Promise<BoardResponse> {
  const res = await t.api.api.boards[':boardId'].duplicate.$post({ param: { boardId }, json })
  expect(res.status).toBe(201)
  return boardResponseSchema.parse(await res.json())
}

const shotOf = (client: SyncClient, id: string) => readRecord(client.doc, id) as TLShotShape | undefined
const assetFiles = () => readdirSync(join(t.server.dataDir, 'assets'), { recursive: true }).map(String)

/** A board with two pages, a shot with three takes (the middle one current), an image, a sketch and board settings. */
async function storyboard(ada: SyncClient, boardId: string) {
  const page = pagesOf(ada.doc)[0]!
  const root = await addTake(boardId, 'shape:hero', { label: 'first pass' })
  const current = await addTake(boardId, 'shape:hero', { parentId: root.id, label: 'client pick' })
  await addTake(boardId, 'shape:hero', { parentId: root.id })
  const image = await upload(boardId)
  const soundtrack = await upload(boardId, makeWav(2))
  const shot = shotShape('hero', page.id, {})
  writeRecords(
    ada,
    { ...shot, props: { ...shot.props, title: 'Lighthouse', activeVersionId: current.id, media: { assetId: `asset:${current.assets[0]!.assetId}`, src: current.assets[0]!.src, kind: 'image' } } },
    imageAssetRecord(image.id, image.url),
    uploadedImageShape('photo', page.id, image.id),
    pageRecord('two', 'Page 2'),
    drawShape('sketch', 'page:two', 'AAAAAAAAAAAAAAAA'),
    createBoardSettings({ numbering: 'letter', fps: 25, defaultAspect: '2.39:1', soundtrack: { src: soundtrack.url, mimeType: 'audio/wav', name: 'vo.wav', duration: 2, startAt: 0 } }),
  )
  const probe = await t.connected(boardId)
  await waitFor(() => readRecord(probe.doc, 'shape:sketch') !== undefined, { what: 'the board to reach the server' })
  probe.destroy()
  return { current, image, soundtrack }
}

describe('POST /api/boards/:boardId/duplicate', () => {
  it('copies the canvas as it is now and every shot’s takes, under new ids, and nothing of the review', async () => {
    const boardId = await newBoard('Pitch')
    const ada = await t.connected(boardId)
    const { current, image, soundtrack } = await storyboard(ada, boardId)
    await t.api.api.boards[':boardId'].history.$post({ param: { boardId }, json: { name: 'v1' } })
    const comment = await fetch(`${t.server.url}/api/boards/${boardId}/comments`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ anchor: { kind: 'shot', shotId: 'shape:hero' }, body: 'Darker sky?', authorName: 'Ada' }),
    })
    expect(comment.status).toBe(201)
    // The last edit, made while Ada is still on the board: the copy is taken from the live room.
    writeRecords(ada, { ...shotOf(ada, 'shape:hero')!, props: { ...shotOf(ada, 'shape:hero')!.props, action: 'Waves break' } })

    const copy = await duplicate(boardId)
    expect(copy).toMatchObject({ name: 'Pitch (copy)', role: 'owner' })
    expect((await duplicate(boardId)).name).toBe('Pitch (copy 2)')
    expect((await duplicate(boardId, { name: '  Pitch for Acme ' })).name).toBe('Pitch for Acme')

    const ben = await t.connected(copy.id)
    const original = readAllRecords(ada.doc).map((r) => r.id).sort()
    expect(readAllRecords(ben.doc).map((r) => r.id).sort()).toEqual(original)
    expect(readRecord(ben.doc, BOARD_SETTINGS_ID)).toMatchObject({ numbering: 'letter', fps: 25 })
    // The soundtrack plays from the copy's own file, which stays when the original goes.
    expect(readRecord(ben.doc, BOARD_SETTINGS_ID)).toMatchObject({ soundtrack: { src: `/api/boards/${copy.id}/assets/${soundtrack.id}`, name: 'vo.wav' } })
    expect((await fetch(`${t.server.url}/api/boards/${copy.id}/assets/${soundtrack.id}`)).headers.get('content-type')).toBe('audio/wav')
    expect(readRecord(ben.doc, 'shape:sketch')).toEqual(readRecord(ada.doc, 'shape:sketch'))
    expect(readRecord(ben.doc, `asset:${image.id}`)).toMatchObject({ props: { src: `/api/boards/${copy.id}/assets/${image.id}` } })
    // The review badge the comment put on the original's shot stays there.
    expect(reviewMap(ada.doc).size).toBeGreaterThan(0)
    expect(reviewMap(ben.doc).size).toBe(0)

    const copied = shotOf(ben, 'shape:hero')!
    expect(copied.props).toMatchObject({ title: 'Lighthouse', action: 'Waves break' })
    const [theirs, ours] = [await takes(boardId, 'shape:hero'), await takes(copy.id, 'shape:hero')]
    expect(ours.map((v) => [v.label, v.boardId])).toEqual(theirs.map((v) => [v.label, copy.id]))
    expect(ours.map((v) => v.id).filter((id) => theirs.some((v) => v.id === id))).toEqual([])
    const tree = new VersionTree(ours)
    const pick = ours.find((v) => v.label === 'client pick')!
    expect(copied.props.activeVersionId).toBe(pick.id)
    expect(tree.children(pick.parentId!).map((v) => v.id)).toEqual(ours.slice(1).map((v) => v.id))
    expect(pick.assets[0]!.src).toBe(`/api/boards/${copy.id}/assets/${current.assets[0]!.assetId}`)
    expect(copied.props.media?.src).toBe(pick.assets[0]!.src)

    const history = await t.api.api.boards[':boardId'].history.$get({ param: { boardId: copy.id } })
    expect(boardSnapshotListResponseSchema.parse(await history.json()).snapshots).toEqual([])
    const comments = await (await fetch(`${t.server.url}/api/boards/${copy.id}/comments`)).json()
    expect(comments).toMatchObject({ threads: [] })
  })

  it('keeps the two boards apart: edits, takes and deleting the original do not reach the copy', async () => {
    const boardId = await newBoard('Spot')
    const ada = await t.connected(boardId)
    const { current, image, soundtrack } = await storyboard(ada, boardId)
    const copy = await duplicate(boardId)
    const ben = await t.connected(copy.id)

    writeRecords(ada, { ...shotOf(ada, 'shape:hero')!, props: { ...shotOf(ada, 'shape:hero')!.props, title: 'Original only' } })
    writeRecords(ben, { ...shotOf(ben, 'shape:hero')!, props: { ...shotOf(ben, 'shape:hero')!.props, title: 'Copy only' } })
    const copyPick = (await takes(copy.id, 'shape:hero')).find((v) => v.label === 'client pick')!
    const relabel = await t.api.api.boards[':boardId'].versions[':versionId'].$patch({ param: { boardId: copy.id, versionId: copyPick.id }, json: { label: 'copy label' } })
    expect(relabel.status).toBe(200)
    await addTake(boardId, 'shape:hero', { parentId: current.id, label: 'after the copy' })
    // A take of the copy is not one of the original's, and the other way round.
    const crossed = await t.api.api.boards[':boardId'].versions[':versionId'].$get({ param: { boardId, versionId: copyPick.id } })
    expect(crossed.status).toBe(404)

    const late = await t.connected(boardId)
    const lateCopy = await t.connected(copy.id)
    await waitFor(() => shotOf(late, 'shape:hero')?.props.title === 'Original only', { what: 'the original to keep its own title' })
    await waitFor(() => shotOf(lateCopy, 'shape:hero')?.props.title === 'Copy only', { what: 'the copy to keep its own title' })
    expect(shotOf(late, 'shape:hero')!.props.title).toBe('Original only')
    expect((await takes(boardId, 'shape:hero')).map((v) => v.label)).toEqual(['first pass', 'client pick', '', 'after the copy'])
    expect((await takes(copy.id, 'shape:hero')).map((v) => v.label)).toEqual(['first pass', 'copy label', ''])

    // A file only the original has after the copy: its removal shows the cleanup ran.
    const onlyOriginal = await upload(boardId)
    expect((await t.api.api.boards[':boardId'].$delete({ param: { boardId } })).status).toBe(204)
    expect((await fetch(`${t.server.url}/api/trash/${boardId}`, { method: 'DELETE' })).status).toBe(204)
    await waitFor(() => !assetFiles().some((file) => file.endsWith(onlyOriginal.id)), { what: 'the original’s own file to be removed' })
    for (const src of [`/api/boards/${copy.id}/assets/${image.id}`, copyPick.assets[0]!.src]) {
      expect((await fetch(t.server.url + src)).status, src).toBe(200)
    }
  })

  it('copies a board nobody has open, from storage', async () => {
    const boardId = await newBoard('Closed')
    const ada = await t.connected(boardId)
    await storyboard(ada, boardId)
    ada.destroy()
    await t.restart()
    const copy = await duplicate(boardId)
    const ben = await t.connected(copy.id)
    expect(shotOf(ben, 'shape:hero')?.props.title).toBe('Lighthouse')
    expect((await takes(copy.id, 'shape:hero')).length).toBe(3)
  })

  it('refuses unknown boards, bad names and unknown fields, writing nothing', async () => {
    const boardId = await newBoard('Source')
    const before = boardListResponseSchema.parse(await (await t.api.api.boards.$get()).json()).boards.length
    const unknown = await t.api.api.boards[':boardId'].duplicate.$post({ param: { boardId: 'Z'.repeat(16) }, json: {} })
    expect([unknown.status, await errorCode(unknown)]).toEqual([404, 'board_not_found'])
    for (const json of [{ name: '   ' }, { name: 'x'.repeat(121) }, { name: 'a\u202Eb' }, { name: 'a\u0007b' }, { title: 'x' }]) {
      const res = await fetch(`${t.server.url}/api/boards/${boardId}/duplicate`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(json) })
      expect([res.status, await errorCode(res)], JSON.stringify(json)).toEqual([400, 'invalid_request'])
    }
    const notJson = await fetch(`${t.server.url}/api/boards/${boardId}/duplicate`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: 'name=x' })
    expect(notJson.status).toBe(400)
    expect(boardListResponseSchema.parse(await (await t.api.api.boards.$get()).json()).boards.length).toBe(before)
    // No body at all is a copy with the default name.
    const bare = await fetch(`${t.server.url}/api/boards/${boardId}/duplicate`, { method: 'POST' })
    expect([bare.status, (await bare.json()).name]).toEqual([201, 'Source (copy)'])
  })
})

describe('who may duplicate a board (with accounts)', () => {
  const a = useHttpTestServer({ authRequired: true }, { per: 'file' })

  it('lets anyone who may open the board copy it, as the copy’s only member and owner; nobody else', async () => {
    await signUp(a.server.url, 'Admin') // the first account is the instance's admin, who sees every board
    const owner = await signUp(a.server.url, 'Owner')
    const viewer = await signUp(a.server.url, 'Viewer')
    const outsider = await signUp(a.server.url, 'Outsider')
    const boardId = createBoard(a.server.db, 'Client board')
    addMembers(a.server.db, boardId, [[owner, 'owner'], [viewer, 'viewer']])
    const duplicateAs = (account: TestAccount | null, id = boardId) =>
      fetch(`${a.server.url}/api/boards/${id}/duplicate`, { method: 'POST', headers: account ? { cookie: account.cookie } : {} })

    const anonymous = await duplicateAs(null)
    expect([anonymous.status, await errorCode(anonymous)]).toEqual([401, 'not_signed_in'])
    const stranger = await duplicateAs(outsider)
    expect([stranger.status, await errorCode(stranger)]).toEqual([403, 'board_forbidden'])

    const res = await duplicateAs(viewer)
    expect(res.status).toBe(201)
    const copy = boardResponseSchema.parse(await res.json())
    expect(copy).toMatchObject({ name: 'Client board (copy)', role: 'owner' })
    const members = memberListResponseSchema.parse(await (await viewer.api.api.boards[':boardId'].members.$get({ param: { boardId: copy.id } })).json())
    expect(members.members.map((m) => [m.name, m.role])).toEqual([['Viewer', 'owner']])
    // The original's owner is not on the copy, and the original's members are as they were.
    const ownersView = await owner.api.api.boards[':boardId'].$get({ param: { boardId: copy.id } })
    expect([ownersView.status, await errorCode(ownersView)]).toEqual([403, 'board_forbidden'])
    const originalMembers = memberListResponseSchema.parse(await (await owner.api.api.boards[':boardId'].members.$get({ param: { boardId } })).json())
    expect(originalMembers.members.map((m) => m.role)).toEqual(['owner', 'viewer'])

    // A review link opens the board for reading but is no account: it cannot make boards.
    const token = await reviewTokenAs(owner, boardId)
    const byLink = await fetch(`${a.server.url}/api/review/${token}/duplicate`, { method: 'POST' })
    expect(byLink.status).toBe(404)
  })

  async function reviewTokenAs(account: TestAccount, boardId: string): Promise<string> {
    const res = await fetch(`${a.server.url}/api/boards/${boardId}/share-links`, { method: 'POST', headers: { cookie: account.cookie, 'content-type': 'application/json' }, body: '{}' })
    expect(res.status).toBe(201)
    return shareLinkResponseSchema.parse(await res.json()).path.split('/').at(-1)!
  }
})
