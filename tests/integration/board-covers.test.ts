import { describe, expect, it } from 'vitest'
import { boardListResponseSchema, boardResponseSchema, type BoardResponse } from '@storyloom/shared/api/boards'
import { shotVersionSchema } from '@storyloom/shared/versions/shotVersion'
import { pagesOf, shotShape } from '../support/boardFixtures'
import { waitFor, writeRecords } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'
import { boardsOverHttp } from '../support/boardsOverHttp'

const t = useSyncTestServer()
const { newBoard, upload } = boardsOverHttp(t)

async function listed(boardId: string): Promise<BoardResponse | undefined> {
  const res = await t.api.api.boards.$get()
  return boardListResponseSchema.parse(await res.json()).boards.find((b) => b.id === boardId)
}

const picture = (asset: { id: string; url: string }) => ({ assetId: `asset:${asset.id}`, src: asset.url, kind: 'image' })

describe('board covers in GET /api/boards', () => {
  it('shows the first shot’s picture in storyboard order, kept up to date as the board is edited, and copied with the board', async () => {
    const boardId = await newBoard('Covers')
    expect((await listed(boardId))?.coverUrl).toBeNull()

    const ada = await t.connected(boardId)
    const page = pagesOf(ada.doc)[0]!.id
    const [first, second] = [await upload(boardId), await upload(boardId)]
    const opening = shotShape('opening', page)
    const next = shotShape('next', page)
    // The first shot has no picture yet: the second's is the cover.
    writeRecords(ada, { ...opening, props: { ...opening.props, order: 'a1' } }, { ...next, props: { ...next.props, order: 'a2', media: picture(second) } })
    await waitFor(async () => (await listed(boardId))?.coverUrl === second.url, { what: 'the second shot’s picture as the cover' })

    writeRecords(ada, { ...opening, props: { ...opening.props, order: 'a1', media: picture(first) } })
    await waitFor(async () => (await listed(boardId))?.coverUrl === first.url, { what: 'the first shot’s picture as the cover' })
    const image = await fetch(`${t.server.url}${first.url}`)
    expect(image.status).toBe(200)
    expect(image.headers.get('content-type')).toBe('image/png')

    const res = await t.api.api.boards[':boardId'].duplicate.$post({ param: { boardId }, json: {} })
    const copy = boardResponseSchema.parse(await res.json())
    expect(copy.coverUrl).toBe(`/api/boards/${copy.id}/assets/${first.id}`)
  })

  it('shows the still of a generated clip’s take where the first shot plays a clip, also on the copy', async () => {
    const boardId = await newBoard('Clip cover')
    const ada = await t.connected(boardId)
    const page = pagesOf(ada.doc)[0]!.id
    const [still, clip] = [await upload(boardId), await upload(boardId)]
    // The take keeps its still, as a generation that made a clip records it.
    const res = await t.api.api.boards[':boardId'].shots[':shotId'].versions.$post({
      param: { boardId, shotId: 'shape:opening' },
      json: { assets: [{ assetId: still.id, width: 16, height: 9 }] },
    })
    expect(res.status).toBe(201)
    const take = shotVersionSchema.parse(await res.json())
    const opening = shotShape('opening', page)
    writeRecords(ada, { ...opening, props: { ...opening.props, order: 'a1', activeVersionId: take.id, media: { ...picture(clip), kind: 'video' } } })
    await waitFor(async () => (await listed(boardId))?.coverUrl === still.url, { what: 'the take’s still as the cover' })

    const copied = await t.api.api.boards[':boardId'].duplicate.$post({ param: { boardId }, json: {} })
    const copy = boardResponseSchema.parse(await copied.json())
    expect(copy.coverUrl).toBe(`/api/boards/${copy.id}/assets/${still.id}`)
  })

  it('never shows a picture of another board, even when a client wrote its URL into the first shot', async () => {
    const [theirs, ours] = [await newBoard('Theirs'), await newBoard('Ours')]
    const [foreign, own] = [await upload(theirs), await upload(ours)]
    const ada = await t.connected(ours)
    const page = pagesOf(ada.doc)[0]!.id
    const borrowed = shotShape('borrowed', page)
    const next = shotShape('next', page)
    writeRecords(
      ada,
      { ...borrowed, props: { ...borrowed.props, order: 'a1', media: picture(foreign) } },
      { ...next, props: { ...next.props, order: 'a2', media: picture(own) } },
    )
    await waitFor(async () => (await listed(ours))?.coverUrl === own.url, { what: 'the board’s own picture as the cover' })
  })
})
