import { beforeEach, describe, expect, it } from 'vitest'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { versionListResponseSchema } from '@storyloom/shared/api/versions'
import { shotVersionSchema, type ShotVersion } from '@storyloom/shared/versions/shotVersion'
import { VersionTree } from '@storyloom/shared/versions/versionTree'
import { makePng } from '../support/makePng'
import { useHttpTestServer } from '../support/httpTestServer'
import { openBoardEvents } from '../support/sseClient'
import { waitFor } from '../support/waitFor'

const t = useHttpTestServer()
let boardId: string
let seed = 0

beforeEach(async () => {
  boardId = await newBoard('Versions')
})

async function newBoard(name: string): Promise<string> {
  const res = await t.api.api.boards.$post({ json: { name } })
  if (res.status !== 201) throw new Error(`board not created: ${res.status}`)
  return (await res.json()).id
}

async function uploadImage(board = boardId): Promise<string> {
  const res = await t.api.api.boards[':boardId'].assets.$post({ param: { boardId: board } }, { init: { body: makePng(16, 9, ++seed) } })
  if (res.status !== 201) throw new Error(`upload failed: ${res.status}`)
  return (await res.json()).id
}

const shotVersions = () => t.api.api.boards[':boardId'].shots[':shotId'].versions
const oneVersion = () => t.api.api.boards[':boardId'].versions[':versionId']

async function addTake(shotId: string, body: { parentId?: string | null; label?: string } = {}, board = boardId) {
  const assetId = await uploadImage(board)
  return shotVersions().$post({
    param: { boardId: board, shotId },
    json: { assets: [{ assetId, width: 16, height: 9 }], author: { id: 'u-ada', name: 'Ada' }, ...body },
  })
}

async function created(res: Response): Promise<ShotVersion> {
  expect(res.status).toBe(201)
  return shotVersionSchema.parse(await res.json())
}

async function refused(res: Response, status: number, code: string): Promise<string> {
  const body = apiErrorBodySchema.parse(await res.json())
  expect({ status: res.status, code: body.error.code }).toEqual({ status, code })
  return body.error.message
}

async function list(shotId: string, deleted: 'include' | 'exclude' = 'exclude'): Promise<ShotVersion[]> {
  const res = await shotVersions().$get({ param: { boardId, shotId }, query: { deleted } })
  expect(res.status).toBe(200)
  return versionListResponseSchema.parse(await res.json()).versions
}

describe('versions API', () => {
  it('makes uploads takes of a shot, branching from any take', async () => {
    const first = await created(await addTake('shape:shot1', { label: 'first' }))
    expect(first).toMatchObject({ source: 'upload', parentId: null, label: 'first', authorName: 'Ada', modelId: null, params: null })
    expect(first.assets[0]).toMatchObject({ mimeType: 'image/png', kind: 'image', src: `/api/boards/${boardId}/assets/${first.assets[0]!.assetId}` })
    const a = await created(await addTake('shape:shot1', { parentId: first.id }))
    const b = await created(await addTake('shape:shot1', { parentId: first.id }))
    const tree = new VersionTree(await list('shape:shot1'))
    expect(tree.children(first.id).map((v) => v.id)).toEqual([a.id, b.id])
    expect(await list('shape:other')).toEqual([])

    const got = await oneVersion().$get({ param: { boardId, versionId: a.id } })
    expect(shotVersionSchema.parse(await got.json())).toEqual(a)
  })

  it('labels, stars and approves, and moves a branch', async () => {
    const root = await created(await addTake('shape:shot1'))
    const a = await created(await addTake('shape:shot1', { parentId: root.id }))
    const b = await created(await addTake('shape:shot1', { parentId: root.id }))
    const res = await oneVersion().$patch({ param: { boardId, versionId: b.id }, json: { label: '  client pick ', starred: true, approval: 'approved', parentId: a.id } })
    expect(res.status).toBe(200)
    expect(shotVersionSchema.parse(await res.json())).toMatchObject({ label: 'client pick', starred: true, approval: 'approved', parentId: a.id })
  })

  it('refuses a label that would show other than typed, and keeps the name a device sent without what hides or reorders it', async () => {
    const take = await created(await addTake('shape:shot1', { label: 'v1' }))
    const relabel = (label: string) => oneVersion().$patch({ param: { boardId, versionId: take.id }, json: { label } })
    expect(await refused(await relabel('Final \u202ekced'), 400, 'invalid_request')).toMatch(/reorder text/)
    expect(await refused(await relabel('Final\u0007'), 400, 'invalid_request')).toMatch(/control characters/)
    expect(await refused(await addTake('shape:shot1', { label: 'x\u2066y' }), 400, 'invalid_request')).toMatch(/reorder text/)
    const persian = 'نامه\u200cها'
    expect(shotVersionSchema.parse(await (await relabel(persian)).json()).label).toBe(persian)
    expect(shotVersionSchema.parse(await (await relabel('\u200b')).json()).label).toBe('')

    const signed = await oneVersion().reinstate.$post({ param: { boardId, versionId: take.id }, json: { parentId: take.id, author: { id: 'u-eve', name: 'Eve\u202e nimdA\u0000' } } })
    expect(await created(signed)).toMatchObject({ authorId: 'u-eve', authorName: 'Eve nimdA' })
  })

  it('reinstates an old take as the newest one, under the take the shot shows', async () => {
    const root = await created(await addTake('shape:shot1', { label: 'first light' }))
    const latest = await created(await addTake('shape:shot1', { parentId: root.id }))
    const res = await oneVersion().reinstate.$post({ param: { boardId, versionId: root.id }, json: { parentId: latest.id, author: { id: 'u-ben', name: 'Ben' } } })
    const back = await created(res)
    expect(back).toMatchObject({ source: 'restore', restoredFromId: root.id, parentId: latest.id, assets: root.assets, label: 'first light', authorName: 'Ben' })
    // A blank name (local mode: the client names itself) is shown as "Someone", as for an upload.
    const unnamed = await oneVersion().reinstate.$post({ param: { boardId, versionId: root.id }, json: { parentId: back.id, author: { id: 'u-cy', name: ' ' } } })
    expect(await created(unnamed)).toMatchObject({ authorId: 'u-cy', authorName: 'Someone' })
    const otherShot = await created(await addTake('shape:shot2'))
    const wrong = await oneVersion().reinstate.$post({ param: { boardId, versionId: root.id }, json: { parentId: otherShot.id } })
    await refused(wrong, 422, 'version_parent_invalid')
  })

  it('hides a deleted take without breaking the tree, and brings it back', async () => {
    const root = await created(await addTake('shape:shot1'))
    const mid = await created(await addTake('shape:shot1', { parentId: root.id }))
    const leaf = await created(await addTake('shape:shot1', { parentId: mid.id }))
    const del = await oneVersion().$delete({ param: { boardId, versionId: mid.id }, query: {} })
    expect(del.status).toBe(200)
    expect((await list('shape:shot1')).map((v) => v.id)).toEqual([root.id, leaf.id])
    const all = await list('shape:shot1', 'include')
    expect(new VersionTree(all).project((v) => v.deletedAt === null).shownParentOf.get(leaf.id)).toBe(root.id)
    const back = await oneVersion().restore.$post({ param: { boardId, versionId: mid.id }, query: {} })
    expect(back.status).toBe(200)
    expect((await list('shape:shot1')).map((v) => v.id)).toEqual([root.id, mid.id, leaf.id])
  })

  it('counts every delete and restore in the take’s revision, and refuses a change made on a stale one', async () => {
    const take = await created(await addTake('shape:shot1'))
    expect(take.revision).toBe(0)
    const remove = (ifRevision?: string) => oneVersion().$delete({ param: { boardId, versionId: take.id }, query: ifRevision === undefined ? {} : { ifRevision } })
    const restore = (ifRevision?: string) => oneVersion().restore.$post({ param: { boardId, versionId: take.id }, query: ifRevision === undefined ? {} : { ifRevision } })
    const version = async (res: Response) => {
      expect(res.status).toBe(200)
      return shotVersionSchema.parse(await res.json())
    }
    // Ada deletes the take (her undo would send 1), Ben restores it and deletes it again: the take
    // is deleted, as Ada left it, but not by her any more, so her undo is refused.
    const adas = await version(await remove('0'))
    expect(adas.revision).toBe(1)
    expect((await version(await restore())).revision).toBe(2)
    const bens = await version(await remove())
    expect(bens).toMatchObject({ revision: 3 })
    expect(await refused(await restore(String(adas.revision)), 409, 'version_changed')).toMatch(/changed/)
    // Ada restores; Ben deletes and restores again: live as Ada left it, but Ben's restore stands.
    const adaRestored = await version(await restore('3'))
    await version(await remove())
    await version(await restore())
    await refused(await remove(String(adaRestored.revision)), 409, 'version_changed')
    const now = await version(await oneVersion().$get({ param: { boardId, versionId: take.id } }))
    expect(now).toMatchObject({ deletedAt: null, revision: 6 })
    // A delete of a deleted take, or a restore of a live one, changes nothing and counts nothing.
    expect((await version(await restore('6'))).revision).toBe(6)
    // The right revision is obeyed.
    expect(await version(await remove('6'))).toMatchObject({ revision: 7, deletedAt: expect.any(String) })
  })

  it('refuses a revision that is not a count, changing nothing', async () => {
    const take = await created(await addTake('shape:shot1'))
    for (const ifRevision of ['', 'abc', '-1', '1.5', '1e3', ' 1', '99999999999999999999']) {
      await refused(await oneVersion().$delete({ param: { boardId, versionId: take.id }, query: { ifRevision } }), 400, 'invalid_request')
      await refused(await oneVersion().restore.$post({ param: { boardId, versionId: take.id }, query: { ifRevision } }), 400, 'invalid_request')
    }
    expect(await list('shape:shot1', 'include')).toEqual([take])
  })

  it('refuses another board’s or shot’s version, cycles, missing parents and assets, leaving the tree as it was', async () => {
    const root = await created(await addTake('shape:shot1'))
    const child = await created(await addTake('shape:shot1', { parentId: root.id }))
    const otherShot = await created(await addTake('shape:shot2'))
    const otherBoardId = await newBoard('Other')
    const otherBoard = await created(await addTake('shape:shot1', {}, otherBoardId))
    const before = await list('shape:shot1', 'include')

    expect(await refused(await addTake('shape:shot1', { parentId: otherShot.id }), 422, 'version_parent_invalid')).toMatch(/another shot/)
    expect(await refused(await addTake('shape:shot1', { parentId: otherBoard.id }), 422, 'version_parent_invalid')).toMatch(/another board/)
    expect(await refused(await addTake('shape:shot1', { parentId: 'v_AAAAAAAAAAAAAAAA' }), 422, 'version_parent_invalid')).toMatch(/does not exist/)
    const cycle = await oneVersion().$patch({ param: { boardId, versionId: root.id }, json: { parentId: child.id } })
    expect(await refused(cycle, 409, 'version_cycle')).toMatch(/descends/)
    const foreign = await oneVersion().$patch({ param: { boardId, versionId: otherBoard.id }, json: { starred: true } })
    await refused(foreign, 404, 'version_not_found')
    await refused(await oneVersion().$get({ param: { boardId, versionId: otherBoard.id } }), 404, 'version_not_found')
    const strangerAsset = await uploadImage(otherBoardId)
    const noAsset = await shotVersions().$post({ param: { boardId, shotId: 'shape:shot1' }, json: { assets: [{ assetId: strangerAsset }] } })
    expect(await refused(noAsset, 404, 'asset_not_found')).toMatch(/not on this board/)
    await refused(await oneVersion().$patch({ param: { boardId, versionId: root.id }, json: {} }), 400, 'invalid_request')
    await refused(await oneVersion().$get({ param: { boardId, versionId: 'not-a-version' } }), 400, 'invalid_request')
    const badShot = await shotVersions().$get({ param: { boardId, shotId: 'nope' }, query: {} })
    await refused(badShot, 400, 'invalid_request')

    expect(await list('shape:shot1', 'include')).toEqual(before)
    expect(new VersionTree(before).problems()).toEqual([])
  })

  it('tells everyone on the board, and only them, which shot’s versions changed', async () => {
    const otherBoardId = await newBoard('Other')
    const mine = openBoardEvents(t.server.url, boardId)
    const other = openBoardEvents(t.server.url, otherBoardId)
    await Promise.all([mine.ready, other.ready])
    const changes = () => mine.events.flatMap((e) => (e.type === 'versions_changed' ? [[e.shotId, e.versionId]] : []))
    try {
      const root = await created(await addTake('shape:shot1'))
      const take = await created(await addTake('shape:shot1', { parentId: root.id }))
      const elsewhere = await created(await addTake('shape:shot2'))
      for (const json of [{ starred: true }, { label: 'Client pick' }, { approval: 'approved' as const }]) {
        expect((await oneVersion().$patch({ param: { boardId, versionId: take.id }, json })).status).toBe(200)
      }
      expect((await oneVersion().$delete({ param: { boardId, versionId: take.id }, query: {} })).status).toBe(200)
      expect((await oneVersion().restore.$post({ param: { boardId, versionId: take.id }, query: {} })).status).toBe(200)
      // A refused change announces nothing: the next event is the reinstated take's.
      await refused(await oneVersion().$patch({ param: { boardId, versionId: root.id }, json: { parentId: take.id } }), 409, 'version_cycle')
      const again = await created(await oneVersion().reinstate.$post({ param: { boardId, versionId: root.id }, json: { parentId: take.id } }))
      await waitFor(() => changes().length === 9, { what: 'nine version changes' })
      expect(changes()).toEqual([
        ['shape:shot1', root.id],
        ['shape:shot1', take.id],
        ['shape:shot2', elsewhere.id],
        ...Array.from({ length: 5 }, () => ['shape:shot1', take.id]),
        ['shape:shot1', again.id],
      ])
      // The other board's listeners heard nothing (it was subscribed throughout; events are
      // sent in order, so one of its own arrives after anything stray would have).
      const theirs = await created(await addTake('shape:shot1', {}, otherBoardId))
      await waitFor(() => other.events.length > 0, { what: 'the other board’s own change' })
      expect(other.events).toEqual([expect.objectContaining({ type: 'versions_changed', boardId: otherBoardId, versionId: theirs.id })])
      expect([...mine.errors, ...other.errors]).toEqual([])
    } finally {
      mine.close()
      other.close()
    }
  })

  it('refuses a board that does not exist', async () => {
    const res = await shotVersions().$get({ param: { boardId: 'AAAAAAAAAAAAAAAA', shotId: 'shape:x' }, query: {} })
    await refused(res, 404, 'board_not_found')
  })
})
