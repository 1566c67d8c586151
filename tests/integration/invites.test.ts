import { beforeAll, describe, expect, it } from 'vitest'
import { createdInviteResponseSchema, inviteListResponseSchema, invitePreviewResponseSchema, memberListResponseSchema } from '@storyloom/shared/api/accounts'
import { boardResponseSchema } from '@storyloom/shared/api/boards'
import { errorCode } from '../support/apiError'
import { signUp, type TestAccount } from '../support/accounts'
import { useHttpTestServer } from '../support/httpTestServer'

const t = useHttpTestServer({ authRequired: true }, { per: 'file' })
let owner: TestAccount
let admin: TestAccount

beforeAll(async () => {
  admin = await signUp(t.server.url, 'Admin')
  owner = await signUp(t.server.url, 'Owner')
})

async function newBoard(): Promise<string> {
  const res = await owner.api.api.boards.$post({ json: { name: 'Pitch' } })
  return boardResponseSchema.parse(await res.json()).id
}

async function invite(boardId: string, role: 'viewer' | 'commenter' | 'editor' | 'owner') {
  const res = await owner.api.api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role } })
  expect(res.status).toBe(201)
  return createdInviteResponseSchema.parse(await res.json())
}

async function members(boardId: string) {
  return memberListResponseSchema.parse(await (await owner.api.api.boards[':boardId'].members.$get({ param: { boardId } })).json()).members
}

describe('invite links and members', () => {
  it('lets a signed-in person preview and accept an invite, joining with its role', async () => {
    const boardId = await newBoard()
    const { token } = await invite(boardId, 'editor')
    const guest = await signUp(t.server.url, 'Guest')

    const preview = await guest.api.api.invites.preview.$post({ json: { token } })
    expect(await preview.json()).toMatchObject({ boardId, boardName: 'Pitch', role: 'editor' })
    const accepted = await guest.api.api.invites.accept.$post({ json: { token } })
    expect(await accepted.json()).toEqual({ boardId, role: 'editor' })
    expect((await members(boardId)).map((m) => [m.name, m.role])).toEqual([['Owner', 'owner'], ['Guest', 'editor']])
    expect((await guest.api.api.boards[':boardId'].$get({ param: { boardId } })).status).toBe(200)
  })

  it('lets one person join per invite link: nobody else, nor a removed member, joins with it again', async () => {
    const boardId = await newBoard()
    const { token } = await invite(boardId, 'editor')
    const first = await signUp(t.server.url, 'First')
    const second = await signUp(t.server.url, 'Second')
    expect((await first.api.api.invites.accept.$post({ json: { token } })).status).toBe(200)

    const reused = await second.api.api.invites.accept.$post({ json: { token } })
    expect([reused.status, await errorCode(reused)]).toEqual([410, 'invite_used'])
    const preview = await second.api.api.invites.preview.$post({ json: { token } })
    expect([preview.status, await errorCode(preview)]).toEqual([410, 'invite_used'])

    await owner.api.api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId: first.user.id } })
    const rejoin = await first.api.api.invites.accept.$post({ json: { token } })
    expect([rejoin.status, await errorCode(rejoin)]).toEqual([410, 'invite_used'])
    expect((await members(boardId)).map((m) => m.name)).toEqual(['Owner'])
    expect((await owner.api.api.boards[':boardId'].invites.$get({ param: { boardId } })).ok).toBe(true)
  })

  it('says a used link was used; the member who used it (or anyone on the board) is let through to the board', async () => {
    const boardId = await newBoard()
    const used = await invite(boardId, 'editor')
    const open = await invite(boardId, 'viewer')
    const member = await signUp(t.server.url, 'Member')
    expect((await member.api.api.invites.accept.$post({ json: { token: used.token } })).status).toBe(200)
    const usedRow = t.server.db.$client.prepare('SELECT used_at, used_by FROM board_invites WHERE id = ?').get(used.id) as { used_at: number; used_by: string }
    expect(usedRow.used_by).toBe(member.user.id)
    expect(usedRow.used_at).toBeGreaterThan(0)

    // The owner's list shows only the link nobody used yet; the used one cannot be revoked.
    const listed = inviteListResponseSchema.parse(await (await owner.api.api.boards[':boardId'].invites.$get({ param: { boardId } })).json())
    expect(listed.invites.map((i) => i.id)).toEqual([open.id])
    const revokeUsed = await owner.api.api.boards[':boardId'].invites[':inviteId'].$delete({ param: { boardId, inviteId: used.id } })
    expect([revokeUsed.status, await errorCode(revokeUsed)]).toEqual([404, 'invite_not_found'])

    // Opening it again (another tab, a second click): the preview says it was used, and where it
    // leads; accepting it changes nothing and answers with the member's role.
    const preview = await member.api.api.invites.preview.$post({ json: { token: used.token } })
    expect(preview.status).toBe(200)
    expect(invitePreviewResponseSchema.parse(await preview.json())).toMatchObject({ boardId, role: 'editor', usedAt: new Date(usedRow.used_at).toISOString() })
    await owner.api.api.boards[':boardId'].members[':userId'].$patch({ param: { boardId, userId: member.user.id }, json: { role: 'viewer' } })
    expect(await (await member.api.api.invites.accept.$post({ json: { token: used.token } })).json()).toEqual({ boardId, role: 'viewer' })
    expect(await (await owner.api.api.invites.preview.$post({ json: { token: used.token } })).json()).toMatchObject({ boardId })

    // An open link previews as unused.
    expect(await (await member.api.api.invites.preview.$post({ json: { token: open.token } })).json()).toMatchObject({ role: 'viewer', usedAt: null })
    // Signed out, it just says used.
    const anonymous = await fetch(`${t.server.url}/api/invites/preview`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: used.token }),
    })
    expect([anonymous.status, await errorCode(anonymous)]).toEqual([410, 'invite_used'])
  })

  it('says used before expired: a used link that has also expired still lets its member through', async () => {
    const boardId = await newBoard()
    const { id, token } = await invite(boardId, 'commenter')
    const member = await signUp(t.server.url)
    await member.api.api.invites.accept.$post({ json: { token } })
    t.server.db.$client.prepare('UPDATE board_invites SET expires_at = ? WHERE id = ?').run(Date.now() - 1000, id)
    const stranger = await signUp(t.server.url)
    const res = await stranger.api.api.invites.preview.$post({ json: { token } })
    expect([res.status, await errorCode(res)]).toEqual([410, 'invite_used'])
    expect((await member.api.api.invites.preview.$post({ json: { token } })).status).toBe(200)
  })

  it('keeps an invite link working when someone who already has its role (an owner, the admin) opens it', async () => {
    const boardId = await newBoard()
    const { token } = await invite(boardId, 'viewer')
    expect((await owner.api.api.invites.accept.$post({ json: { token } })).status).toBe(200)
    // The instance admin owns every board without being a member.
    expect(await (await admin.api.api.invites.accept.$post({ json: { token } })).json()).toEqual({ boardId, role: 'owner' })
    const guest = await signUp(t.server.url)
    const accepted = await guest.api.api.invites.accept.$post({ json: { token } })
    expect(await accepted.json()).toEqual({ boardId, role: 'viewer' })
  })

  it('never lowers a role through an invite', async () => {
    const boardId = await newBoard()
    const guest = await signUp(t.server.url)
    await guest.api.api.invites.accept.$post({ json: { token: (await invite(boardId, 'editor')).token } })
    const res = await guest.api.api.invites.accept.$post({ json: { token: (await invite(boardId, 'viewer')).token } })
    expect(await res.json()).toEqual({ boardId, role: 'editor' })
  })

  it('refuses expired, revoked and forged links with named codes, and accepting without signing in', async () => {
    const boardId = await newBoard()
    const guest = await signUp(t.server.url)
    const expired = await invite(boardId, 'viewer')
    t.server.db.$client.prepare('UPDATE board_invites SET expires_at = ? WHERE id = ?').run(Date.now() - 1000, expired.id)
    const res1 = await guest.api.api.invites.accept.$post({ json: { token: expired.token } })
    expect([res1.status, await errorCode(res1)]).toEqual([410, 'invite_expired'])

    const revoked = await invite(boardId, 'viewer')
    expect((await owner.api.api.boards[':boardId'].invites[':inviteId'].$delete({ param: { boardId, inviteId: revoked.id } })).status).toBe(204)
    const res2 = await guest.api.api.invites.accept.$post({ json: { token: revoked.token } })
    expect([res2.status, await errorCode(res2)]).toEqual([404, 'invite_invalid'])

    const forged = await guest.api.api.invites.accept.$post({ json: { token: 'x'.repeat(43) } })
    expect(await errorCode(forged)).toBe('invite_invalid')
    const malformed = await guest.api.api.invites.accept.$post({ json: { token: '../../etc' } })
    expect(await errorCode(malformed)).toBe('invalid_request')

    const valid = await invite(boardId, 'viewer')
    const anonymous = await fetch(`${t.server.url}/api/invites/accept`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ token: valid.token }),
    })
    expect(await errorCode(anonymous)).toBe('not_signed_in')
    expect((await members(boardId)).map((m) => m.name)).not.toContain(guest.user.name)
  })

  it('refuses another board’s invite and member ids, even to an owner of both boards', async () => {
    const [boardA, boardB] = [await newBoard(), await newBoard()]
    const inviteOfB = await invite(boardB, 'viewer')
    const guest = await signUp(t.server.url)
    await guest.api.api.invites.accept.$post({ json: { token: (await invite(boardB, 'viewer')).token } })

    const revoke = await owner.api.api.boards[':boardId'].invites[':inviteId'].$delete({ param: { boardId: boardA, inviteId: inviteOfB.id } })
    expect([revoke.status, await errorCode(revoke)]).toEqual([404, 'invite_not_found'])
    const demote = await owner.api.api.boards[':boardId'].members[':userId'].$patch({ param: { boardId: boardA, userId: guest.user.id }, json: { role: 'owner' } })
    expect([demote.status, await errorCode(demote)]).toEqual([404, 'member_not_found'])
    // Nothing changed on board B.
    expect((await members(boardB)).find((m) => m.userId === guest.user.id)?.role).toBe('viewer')
    expect((await guest.api.api.invites.preview.$post({ json: { token: inviteOfB.token } })).status).toBe(200)
  })

  it('lists invites to owners without their tokens', async () => {
    const boardId = await newBoard()
    const created = await invite(boardId, 'commenter')
    const text = await (await owner.api.api.boards[':boardId'].invites.$get({ param: { boardId } })).text()
    expect(text).toContain(created.id)
    expect(text).not.toContain(created.token)
  })

  it('changes roles and removes members, but never the last owner', async () => {
    const boardId = await newBoard()
    const guest = await signUp(t.server.url)
    await guest.api.api.invites.accept.$post({ json: { token: (await invite(boardId, 'viewer')).token } })
    const memberApi = owner.api.api.boards[':boardId'].members[':userId']

    const demote = await memberApi.$patch({ param: { boardId, userId: owner.user.id }, json: { role: 'editor' } })
    expect([demote.status, await errorCode(demote)]).toEqual([409, 'last_owner'])
    const promote = await memberApi.$patch({ param: { boardId, userId: guest.user.id }, json: { role: 'owner' } })
    expect(promote.status).toBe(200)
    // Now there are two owners: the first may step down.
    expect((await memberApi.$patch({ param: { boardId, userId: owner.user.id }, json: { role: 'editor' } })).status).toBe(200)
    const removeLast = await guest.api.api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId: guest.user.id } })
    expect(await errorCode(removeLast)).toBe('last_owner')
    const unknown = await guest.api.api.boards[':boardId'].members[':userId'].$delete({ param: { boardId, userId: 'A'.repeat(16) } })
    expect(await errorCode(unknown)).toBe('member_not_found')
  })
})

describe('cross-site requests', () => {
  it('refuses a change sent from another site’s page, with the session cookie attached', async () => {
    const boardId = await newBoard()
    const res = await fetch(`${t.server.url}/api/boards/${boardId}`, {
      method: 'DELETE',
      headers: { cookie: owner.cookie, origin: 'https://evil.example' },
    })
    expect([res.status, await errorCode(res)]).toEqual([403, 'cross_origin_request'])
    const form = await fetch(`${t.server.url}/api/boards/${boardId}/invites`, {
      method: 'POST',
      headers: { cookie: owner.cookie, 'sec-fetch-site': 'cross-site', 'content-type': 'text/plain' },
      body: '{"role":"owner"}',
    })
    expect(await errorCode(form)).toBe('cross_origin_request')
    expect((await owner.api.api.boards[':boardId'].$get({ param: { boardId } })).status).toBe(200)
    // The page's own origin passes.
    const own = await fetch(`${t.server.url}/api/boards/${boardId}`, {
      method: 'PATCH',
      headers: { cookie: owner.cookie, origin: t.server.url, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'Renamed' }),
    })
    expect(own.status).toBe(200)
  })
})
