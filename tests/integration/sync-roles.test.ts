import { beforeAll, describe, expect, it } from 'vitest'
import type { BoardRole } from '@storyloom/shared/access/roles'
import { readRecord } from '@storyloom/shared/doc/boardDoc'
import { CloseCode, NoticeCode } from '@storyloom/shared/protocol/syncProtocol'
import { shareLinkResponseSchema } from '@storyloom/shared/review/shareLinks'
import { addMembers, boardWithMember, signUp, type TestAccount } from '../support/accounts'
import { pageRecord } from '../support/boardFixtures'
import { sessionAuthorize } from '@storyloom/server/sync/sessionAuthorize'
import { openRawSocket, startSyncEndpoint, waitFor, writeRecords, type SyncClient } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'

const t = useSyncTestServer({ authRequired: true })
let owner: TestAccount
let member: TestAccount
let outsider: TestAccount

beforeAll(async () => {
  await signUp(t.server.url, 'Admin') // the admin owns everything; the others are ordinary accounts
  owner = await signUp(t.server.url, 'Owner')
  member = await signUp(t.server.url, 'Member')
  outsider = await signUp(t.server.url, 'Outsider')
})

const boardWith = (role: BoardRole): string => boardWithMember(t.server.db, owner, member, role)

function connectAs(account: TestAccount, boardId: string, syncUrl?: string): SyncClient {
  return t.connect(boardId, { headers: { cookie: account.cookie }, ...(syncUrl ? { syncUrl } : {}) })
}

async function setRole(boardId: string, userId: string, role: BoardRole) {
  const res = await owner.api.api.boards[':boardId'].members[':userId'].$patch({ param: { boardId, userId }, json: { role } })
  expect(res.status).toBe(200)
}

describe('sync access with accounts', () => {
  it.each(['viewer', 'commenter'] as const)('drops a %s’s doc updates sent by a raw y-websocket client, but shares their presence', async (role) => {
    const boardId = boardWith(role)
    const team = connectAs(owner, boardId)
    const reader = connectAs(member, boardId)
    await Promise.all([team.synced(), reader.synced()])

    reader.provider.awareness.setLocalStateField('user', { name: 'Client' })
    await waitFor(() => team.provider.awareness.getStates().get(reader.doc.clientID), { what: 'the team sees the reader' })

    writeRecords(reader, pageRecord('fromReader', 'Sneaky'))
    await waitFor(() => reader.notices.some((n) => n.code === NoticeCode.readOnly), { what: 'read-only notice' })
    writeRecords(team, pageRecord('fromTeam', 'Real'))
    await waitFor(() => readRecord(reader.doc, 'page:fromTeam'), { what: 'the reader gets the team’s write' })
    expect(readRecord(team.doc, 'page:fromReader')).toBeUndefined()

    const fresh = connectAs(owner, boardId)
    await fresh.synced()
    expect(readRecord(fresh.doc, 'page:fromTeam')).toBeDefined()
    expect(readRecord(fresh.doc, 'page:fromReader')).toBeUndefined()
  })

  it('does not tell a viewer their changes are dropped for the presence record their canvas writes by itself', async () => {
    const boardId = boardWith('viewer')
    const team = connectAs(owner, boardId)
    const reader = connectAs(member, boardId)
    await Promise.all([team.synced(), reader.synced()])
    // tldraw writes the person's own `user` record when a canvas opens: no change of theirs.
    writeRecords(reader, { id: 'user:reader', typeName: 'user', name: 'Member', color: '#9D5BD2', imageUrl: '', meta: {} })
    // Presence after it on the same socket: once the team sees it, the server has read the write.
    reader.provider.awareness.setLocalStateField('user', { name: 'Member' })
    await waitFor(() => team.provider.awareness.getStates().get(reader.doc.clientID), { what: 'the team sees the reader' })
    // A new role (still read-only), then a real change, which is told.
    await setRole(boardId, member.user.id, 'commenter')
    writeRecords(reader, pageRecord('fromReader', 'Sneaky'))
    await waitFor(() => reader.notices.some((n) => n.code === NoticeCode.readOnly), { what: 'read-only notice' })
    expect(reader.notices.map((n) => n.code).filter((code) => code !== NoticeCode.membersChanged)).toEqual([NoticeCode.accessChanged, NoticeCode.readOnly])
    expect(readRecord(team.doc, 'user:reader')).toBeUndefined()
    expect(readRecord(team.doc, 'page:fromReader')).toBeUndefined()
  })

  it('downgrades an open editor connection to read-only when the owner makes them a viewer', async () => {
    const boardId = boardWith('editor')
    const team = connectAs(owner, boardId)
    const editor = connectAs(member, boardId)
    await Promise.all([team.synced(), editor.synced()])
    writeRecords(editor, pageRecord('before', 'Allowed'))
    await waitFor(() => readRecord(team.doc, 'page:before'), { what: 'the editor’s write arrives' })

    await setRole(boardId, member.user.id, 'viewer')
    await waitFor(() => editor.notices.some((n) => n.code === NoticeCode.accessChanged && n.role === 'viewer'), { what: 'access-changed notice' })
    writeRecords(editor, pageRecord('after', 'Dropped'))
    await waitFor(() => editor.notices.some((n) => n.code === NoticeCode.readOnly), { what: 'read-only notice' })
    writeRecords(team, pageRecord('marker', 'Marker'))
    await waitFor(() => readRecord(editor.doc, 'page:marker'), { what: 'the marker arrives' })
    expect(readRecord(team.doc, 'page:after')).toBeUndefined()
    expect(editor.closes).toEqual([])

    // And back: their writes count again, including what their client kept while read-only
    // (their later updates build on it, so the server asks for it).
    await setRole(boardId, member.user.id, 'editor')
    await waitFor(() => editor.notices.some((n) => n.code === NoticeCode.accessChanged && n.role === 'editor'), { what: 'upgrade notice' })
    writeRecords(editor, pageRecord('again', 'Allowed again'))
    await waitFor(() => readRecord(team.doc, 'page:again'), { what: 'the write after the upgrade arrives' })
    expect(readRecord(team.doc, 'page:after')).toBeDefined()
  })

  it('tells everyone with the board open when its members or open invite links change, and nobody when nothing did', async () => {
    const boardId = boardWith('editor')
    const team = connectAs(owner, boardId)
    const editor = connectAs(member, boardId)
    // A client reviewer through a share link is no member: not told.
    const made = await fetch(`${t.server.url}/api/boards/${boardId}/share-links`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'content-type': 'application/json' },
      body: '{}',
    })
    const shared = shareLinkResponseSchema.parse(await made.json())
    const reviewer = t.connect(boardId, { params: { review: shared.path.split('/').at(-1)! } })
    await Promise.all([team.synced(), editor.synced(), reviewer.synced()])
    const membersChanged = (client: SyncClient) => client.notices.filter((n) => n.code === NoticeCode.membersChanged).length
    const invites = owner.api.api.boards[':boardId'].invites

    const created = await (await invites.$post({ param: { boardId }, json: { role: 'viewer' } })).json() as { id: string; token: string }
    await waitFor(() => membersChanged(team) === 1 && membersChanged(editor) === 1, { what: 'notice of the new invite link' })
    const guest = await signUp(t.server.url, 'Guest')
    expect((await guest.api.api.invites.accept.$post({ json: { token: created.token } })).status).toBe(200)
    await waitFor(() => membersChanged(team) === 2 && membersChanged(editor) === 2, { what: 'notice of the join' })
    await setRole(boardId, guest.user.id, 'commenter')
    await waitFor(() => membersChanged(team) === 3, { what: 'notice of the role change' })
    expect((await owner.api.api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId: guest.user.id } })).status).toBe(204)
    await waitFor(() => membersChanged(team) === 4, { what: 'notice of the removal' })
    const other = await (await invites.$post({ param: { boardId }, json: { role: 'viewer' } })).json() as { id: string }
    await waitFor(() => membersChanged(team) === 5, { what: 'notice of the second link' })
    expect((await invites[':inviteId'].$delete({ param: { boardId, inviteId: other.id } })).status).toBe(204)
    await waitFor(() => membersChanged(team) === 6, { what: 'notice of the revoked link' })

    // The member's role set to the one they have, and the owner opening a link whose role they
    // hold: no role changed, so nobody is told it did.
    await setRole(boardId, member.user.id, 'editor')
    const third = await (await invites.$post({ param: { boardId }, json: { role: 'editor' } })).json() as { id: string; token: string }
    expect((await member.api.api.invites.accept.$post({ json: { token: third.token } })).status).toBe(200)
    // Then a change that is told: notices on a socket arrive in order, so once it is here, any
    // notice of the two non-changes would be too.
    expect((await invites[':inviteId'].$delete({ param: { boardId, inviteId: third.id } })).status).toBe(204)
    await waitFor(() => membersChanged(team) >= 8 && membersChanged(editor) >= 8, { what: 'notice of the third link revoked' })
    expect(editor.notices.filter((n) => n.code === NoticeCode.accessChanged)).toEqual([])
    expect([membersChanged(team), membersChanged(editor)]).toEqual([8, 8]) // the third link made and revoked
    expect(reviewer.notices).toEqual([])
    expect(reviewer.closes).toEqual([])
  })

  it('closes an open connection with 4403 when the member is removed', async () => {
    const boardId = boardWith('editor')
    const editor = connectAs(member, boardId)
    await editor.synced()
    const res = await owner.api.api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId: member.user.id } })
    expect(res.status).toBe(204)
    await waitFor(() => editor.closes[0], { what: 'close' })
    expect(editor.closes[0]!.code).toBe(CloseCode.forbidden)
  })

  it('closes an open connection with 4401 once its session is signed out', async () => {
    // A sync endpoint of its own with a short keepalive: sessions are re-checked at each tick.
    const endpoint = await startSyncEndpoint({ db: t.server.db, config: t.server.config, authorize: sessionAuthorize(t.server.db), tuning: { keepaliveMs: 100 } })
    try {
      const boardId = boardWith('editor')
      const [leaver, other] = [await signUp(t.server.url, 'Leaver'), await signUp(t.server.url, 'Stays')]
      addMembers(t.server.db, boardId, [[leaver, 'viewer'], [other, 'viewer']])
      const leaving = connectAs(leaver, boardId, endpoint.syncUrl)
      const staying = connectAs(other, boardId, endpoint.syncUrl)
      await Promise.all([leaving.synced(), staying.synced()])

      expect((await leaver.api.api.auth['sign-out'].$post()).status).toBe(204)
      await waitFor(() => leaving.closes[0], { what: 'close after sign-out' })
      expect(leaving.closes[0]!.code).toBe(CloseCode.unauthorized)
      expect(staying.closes).toEqual([])
    } finally {
      await endpoint.close()
    }
  })

  it('refuses the upgrade without a session (401) and closes a non-member’s socket with 4403', async () => {
    const boardId = boardWith('viewer')
    expect(await openRawSocket(`${t.server.syncUrl}/${boardId}`).refused).toBe(401)
    expect(await openRawSocket(`${t.server.syncUrl}/${boardId}`, { cookie: 'storyloom_session=forged' }).refused).toBe(401)
    const stranger = openRawSocket(`${t.server.syncUrl}/${boardId}`, { cookie: outsider.cookie })
    expect((await stranger.closed).code).toBe(CloseCode.forbidden)
  })
})
