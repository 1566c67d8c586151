import { beforeAll, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import type { CommentThreadResponse } from '@storyloom/shared/review/comments'
import { shareLinkResponseSchema } from '@storyloom/shared/review/shareLinks'
import { boardWithMember, signUp, type TestAccount } from '../support/accounts'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { pagesOf, shotShape } from '../support/boardFixtures'
import { useSyncTestServer } from '../support/syncTestServer'

const t = useSyncTestServer({ authRequired: true })
let owner: TestAccount
let member: TestAccount

beforeAll(async () => {
  await signUp(t.server.url, 'Admin')
  owner = await signUp(t.server.url, 'Owner')
  member = await signUp(t.server.url, 'Mia Member')
})

const boardWith = (role: BoardRole): string => boardWithMember(t.server.db, owner, member, role)

async function call(method: string, path: string, body: unknown, cookie?: string) {
  const res = await fetch(t.server.url + path, {
    method,
    headers: { ...(cookie ? { cookie } : {}), ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  })
  const json: unknown = await res.json()
  return { status: res.status, json, code: res.ok ? undefined : apiErrorBodySchema.parse(json).error.code }
}

function pageOf(boardId: string): string {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, t.server.sync.boardState(boardId))
  return pagesOf(doc)[0]!.id
}

describe('client review with accounts on', () => {
  it.each([
    ['viewer', 403, 403],
    ['commenter', 403, 201],
    ['editor', 201, 201],
  ] as const)('a %s: share links %i, comments %i', async (role, shareStatus, commentStatus) => {
    const boardId = boardWith(role)
    expect((await call('POST', `/api/boards/${boardId}/share-links`, {}, member.cookie)).status).toBe(shareStatus)
    expect((await call('GET', `/api/boards/${boardId}/share-links`, undefined, member.cookie)).status).toBe(shareStatus === 201 ? 200 : 403)
    const anchor = { kind: 'point', pageId: pageOf(boardId), x: 10, y: 20 }
    const comment = await call('POST', `/api/boards/${boardId}/comments`, { anchor, body: 'Tighter here', authorName: 'Someone Else' }, member.cookie)
    expect(comment.status).toBe(commentStatus)
    if (commentStatus === 201) {
      // Written under the account's own name, whatever name the client claims.
      expect((comment.json as CommentThreadResponse).comments[0]!.author).toEqual({ kind: 'team', id: member.user.id, name: 'Mia Member' })
    } else {
      expect(comment.code).toBe('role_required')
    }
    expect((await call('GET', `/api/boards/${boardId}/comments`, undefined, member.cookie)).status).toBe(200)
  })

  it('refuses people who are not signed in, yet a review link works without any account', async () => {
    const boardId = boardWith('viewer')
    const anonymous = await call('GET', `/api/boards/${boardId}/comments`, undefined)
    expect([anonymous.status, anonymous.code]).toEqual([401, 'not_signed_in'])
    const created = await call('POST', `/api/boards/${boardId}/share-links`, { label: 'Client' }, owner.cookie)
    const token = shareLinkResponseSchema.parse(created.json).path.split('/').at(-1)!

    expect((await call('GET', `/api/review/${token}`, undefined)).json).toMatchObject({ locked: false, boardId })
    expect((await call('GET', `/api/review/${token}/comments`, undefined)).status).toBe(200)
    const reviewer = await t.connected(boardId, { params: { review: token } })
  })

  it('turning a link off keeps when and by which account, whatever name the client claims', async () => {
    const boardId = boardWith('editor')
    const created = shareLinkResponseSchema.parse((await call('POST', `/api/boards/${boardId}/share-links`, {}, owner.cookie)).json)
    const before = Date.now()
    const revoked = await call('DELETE', `/api/boards/${boardId}/share-links/${created.id}`, { authorName: 'Someone Else' }, member.cookie)
    expect(revoked.status).toBe(200)
    const link = shareLinkResponseSchema.parse(revoked.json)
    expect([link.state, link.revokedByName]).toEqual(['revoked', 'Mia Member'])
    expect(Date.parse(link.revokedAt!)).toBeGreaterThanOrEqual(before)
    const listed = (await call('GET', `/api/boards/${boardId}/share-links`, undefined, owner.cookie)).json as { links: unknown[] }
    expect(listed.links.map((l) => shareLinkResponseSchema.parse(l))).toEqual([link])
  })

  it('a signed-in reviewer\'s verdict is their account\'s: they take it back from any browser, nobody else under their name', async () => {
    const boardId = boardWith('viewer')
    const shot = shotShape(`v${Math.random().toString(36).slice(2, 8)}`, pageOf(boardId))
    t.server.sync.changeBoard(boardId, (doc) => putRecords(doc, [shot]))
    const created = await call('POST', `/api/boards/${boardId}/share-links`, {}, owner.cookie)
    const verdicts = `/api/review/${shareLinkResponseSchema.parse(created.json).path.split('/').at(-1)!}/verdicts`

    expect((await call('POST', verdicts, { shotId: shot.id, verdict: 'approved', reviewerName: 'Mia' }, member.cookie)).status).toBe(201)
    for (const cookie of [undefined, owner.cookie]) {
      const other = await call('POST', verdicts, { shotId: shot.id, verdict: null, reviewerName: 'Mia' }, cookie)
      expect([other.status, other.code]).toEqual([409, 'verdict_not_yours'])
    }
    // Listed as theirs for the account, from any browser; not for another account.
    expect((await call('GET', `${verdicts}/mine`, undefined, member.cookie)).json).toEqual({ verdicts: [{ shotId: shot.id, verdict: 'approved' }] })
    expect((await call('GET', `${verdicts}/mine`, undefined, owner.cookie)).json).toEqual({ verdicts: [] })
    // The session cookie alone, as from another browser (no reviewer key): the account owns it.
    expect((await call('POST', verdicts, { shotId: shot.id, verdict: null, reviewerName: 'Mia' }, member.cookie)).status).toBe(200)
  })
})
