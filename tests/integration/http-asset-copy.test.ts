import { existsSync } from 'node:fs'
import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import { assetResponseSchema } from '@storyloom/shared/api/assets'
import { assetCopyResponseSchema, MAX_ASSET_COPY_URLS } from '@storyloom/shared/api/assetCopies'
import { errorCode } from '../support/apiError'
import { addMembers, signUp, type TestAccount } from '../support/accounts'
import { useHttpTestServer } from '../support/httpTestServer'
import { makePng } from '../support/makePng'
import { createBoard } from '../support/syncClient'
import { waitFor } from '../support/waitFor'

describe('POST /api/boards/:boardId/assets/copy (with accounts)', () => {
  const a = useHttpTestServer({ authRequired: true }, { per: 'file' })
  let seed = 0

  /** Ana owns board A and edits board B; Ben edits B only; Vic only views B. */
  async function twoBoards() {
    if (seed === 0) await signUp(a.server.url, 'Admin') // the first account is the admin, who sees every board
    const ana = await signUp(a.server.url, 'Ana')
    const ben = await signUp(a.server.url, 'Ben')
    const vic = await signUp(a.server.url, 'Vic')
    const boardA = createBoard(a.server.db, 'Harbour')
    const boardB = createBoard(a.server.db, 'Lighthouse')
    addMembers(a.server.db, boardA, [[ana, 'owner']])
    addMembers(a.server.db, boardB, [[ana, 'editor'], [ben, 'editor'], [vic, 'viewer']])
    const res = await fetch(`${a.server.url}/api/boards/${boardA}/assets`, { method: 'POST', headers: { cookie: ana.cookie }, body: makePng(16, 9, ++seed) })
    expect(res.status).toBe(201)
    const picture = assetResponseSchema.parse(await res.json())
    return { ana, ben, vic, boardA, boardB, picture }
  }

  const copyAs = (account: TestAccount, boardId: string, body: unknown) =>
    fetch(`${a.server.url}/api/boards/${boardId}/assets/copy`, {
      method: 'POST',
      headers: { cookie: account.cookie, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    })
  const getAs = (account: TestAccount, url: string) => fetch(`${a.server.url}${url}`, { headers: { cookie: account.cookie } })

  it('copies a picture of a board the caller reads into one they edit: its members see it there, also after the first board is deleted', async () => {
    const { ana, ben, boardA, boardB, picture } = await twoBoards()
    expect((await getAs(ben, picture.url)).status).toBe(403)

    const res = await copyAs(ana, boardB, { urls: [picture.url] })
    expect(res.status).toBe(200)
    const answer = assetCopyResponseSchema.parse(await res.json())
    const copied = `/api/boards/${boardB}/assets/${picture.id}`
    expect(answer).toEqual({ copies: [{ from: picture.url, url: copied }], refused: [] })

    const bytes = async (res: Response) => Buffer.from(await res.arrayBuffer())
    const original = await bytes(await getAs(ana, picture.url))
    const seenByBen = await getAs(ben, copied)
    expect(seenByBen.status).toBe(200)
    expect(await bytes(seenByBen)).toEqual(original)

    // Copying again, or a URL of the board itself, changes nothing and answers the same URL.
    const again = assetCopyResponseSchema.parse(await (await copyAs(ana, boardB, { urls: [picture.url, copied] })).json())
    expect(again.copies).toEqual([{ from: picture.url, url: copied }, { from: copied, url: copied }])

    // A file A alone has: the cleanup after deleting A forever removes it, and has run once it is gone.
    const onlyOnA = await fetch(`${a.server.url}/api/boards/${boardA}/assets`, { method: 'POST', headers: { cookie: ana.cookie }, body: makePng(16, 9, ++seed) })
    const onlyOnAId = assetResponseSchema.parse(await onlyOnA.json()).id
    const onlyOnAFile = join(a.server.dataDir, 'assets', onlyOnAId.slice(0, 2), onlyOnAId)
    expect((await fetch(`${a.server.url}/api/boards/${boardA}`, { method: 'DELETE', headers: { cookie: ana.cookie } })).status).toBe(204)
    expect((await fetch(`${a.server.url}/api/trash/${boardA}`, { method: 'DELETE', headers: { cookie: ana.cookie } })).status).toBe(204)
    await waitFor(() => !existsSync(onlyOnAFile), { what: 'the deleted board’s own file to be removed' })
    const afterDelete = await getAs(ben, copied)
    expect(afterDelete.status).toBe(200)
    expect(await bytes(afterDelete)).toEqual(original)
  })

  it('refuses, per URL, a picture of a board the caller may not read, a deleted board or an unknown file, copying nothing of them', async () => {
    const { ana, ben, boardA, boardB, picture } = await twoBoards()
    const unknownSha = `/api/boards/${boardA}/assets/${'0'.repeat(64)}`
    const noBoard = `/api/boards/${'Z'.repeat(16)}/assets/${picture.id}`

    const byBen = assetCopyResponseSchema.parse(await (await copyAs(ben, boardB, { urls: [picture.url, noBoard] })).json())
    // The same answers as GET on those URLs gives Ben: nothing more about board A.
    expect(byBen).toEqual({ copies: [], refused: [{ from: picture.url, code: 'board_forbidden' }, { from: noBoard, code: 'board_not_found' }] })
    expect([(await getAs(ben, picture.url)).status, (await getAs(ben, noBoard)).status]).toEqual([403, 404])
    expect((await getAs(ana, `/api/boards/${boardB}/assets/${picture.id}`)).status).toBe(404)

    const byAna = assetCopyResponseSchema.parse(await (await copyAs(ana, boardB, { urls: [unknownSha, picture.url] })).json())
    expect(byAna.refused).toEqual([{ from: unknownSha, code: 'asset_not_found' }])
    expect(byAna.copies.map((c) => c.from)).toEqual([picture.url])
  })

  it('copies only into a board the caller edits', async () => {
    const { ana, vic, boardA, boardB, picture } = await twoBoards()
    const asViewer = await copyAs(vic, boardB, { urls: [picture.url] })
    expect([asViewer.status, await errorCode(asViewer)]).toEqual([403, 'role_required'])
    // Vic is not on board A: copying B's files into it is refused before anything is read.
    const ownFile = `/api/boards/${boardB}/assets/${picture.id}`
    const intoA = await copyAs(vic, boardA, { urls: [ownFile] })
    expect([intoA.status, await errorCode(intoA)]).toEqual([403, 'board_forbidden'])
    expect((await getAs(ana, ownFile)).status).toBe(404)
  })

  it('refuses whole a request with a URL that is not one of this server’s asset URLs, or too many URLs', async () => {
    const { ana, boardB, picture } = await twoBoards()
    const foreign = [
      `https://elsewhere.example${picture.url}`,
      `${picture.url}?v=1`,
      `${picture.url}/../${picture.id}`,
      picture.url.toUpperCase(),
      `/api/review/${'t'.repeat(16)}/assets/${picture.id}`,
      'data:image/png;base64,AAAA',
      '',
    ]
    for (const url of foreign) {
      const res = await copyAs(ana, boardB, { urls: [picture.url, url] })
      expect([url, res.status, await errorCode(res)]).toEqual([url, 400, 'invalid_request'])
    }
    for (const body of [{ urls: [] }, { urls: picture.url }, {}, { urls: Array.from({ length: MAX_ASSET_COPY_URLS + 1 }, () => picture.url) }]) {
      const res = await copyAs(ana, boardB, body)
      expect([res.status, await errorCode(res)]).toEqual([400, 'invalid_request'])
    }
    // None of those requests copied the good URL they carried.
    expect((await getAs(ana, `/api/boards/${boardB}/assets/${picture.id}`)).status).toBe(404)
    const atLimit = await copyAs(ana, boardB, { urls: Array.from({ length: MAX_ASSET_COPY_URLS }, () => picture.url) })
    expect(atLimit.status).toBe(200)
  })
})
