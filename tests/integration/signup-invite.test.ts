import { describe, expect, it } from 'vitest'
import { apiErrorBodySchema } from '@storyloom/shared/api/errors'
import { createdInviteResponseSchema, memberListResponseSchema, sessionResponseSchema } from '@storyloom/shared/api/accounts'
import { boardResponseSchema } from '@storyloom/shared/api/boards'
import { users } from '@storyloom/server/db/schema'
import { signUp, type TestAccount } from '../support/accounts'
import { useHttpTestServer, type HttpTestServer } from '../support/httpTestServer'

// A self-hoster on a reachable address sets STORYLOOM_SIGNUP=invite so that strangers cannot
// create accounts: only the first account (the admin) and people holding an invite link can.

const BY_INVITATION = 'Sign-up here is by invitation: ask a board owner for an invite link.'
let nextEmail = 1

function signUpWith(t: HttpTestServer, inviteToken?: string) {
  const json = { email: `new${nextEmail++}@example.com`, password: 'correct horse battery', name: 'Newcomer', ...(inviteToken === undefined ? {} : { inviteToken }) }
  return t.api.api.auth['sign-up'].$post({ json })
}

async function boardWithInvite(owner: TestAccount, expiresInHours?: number) {
  const board = boardResponseSchema.parse(await (await owner.api.api.boards.$post({ json: { name: 'Pitch' } })).json())
  const res = await owner.api.api.boards[':boardId'].invites.$post({ param: { boardId: board.id }, json: { role: 'editor', ...(expiresInHours ? { expiresInHours } : {}) } })
  expect(res.status).toBe(201)
  return { boardId: board.id, token: createdInviteResponseSchema.parse(await res.json()).token }
}

/** The board's members as [name, role], as its owner sees them. */
async function membersOf(owner: TestAccount, boardId: string) {
  const res = await owner.api.api.boards[':boardId'].members.$get({ param: { boardId } })
  return memberListResponseSchema.parse(await res.json()).members.map((m) => [m.name, m.role])
}

async function signUpSetting(t: HttpTestServer) {
  return sessionResponseSchema.parse(await (await t.api.api.session.$get()).json()).signUp
}

describe('sign-up open to anyone (the default)', () => {
  const t = useHttpTestServer({ authRequired: true })

  it('lets anyone create an account, after the first too', async () => {
    await signUp(t.server.url)
    expect((await signUpWith(t)).status).toBe(201)
    expect(await signUpSetting(t)).toBe('open')
  })

  it('joins the board of the invite link signed up from, and uses the link up (no second click)', async () => {
    const admin = await signUp(t.server.url, 'Admin')
    const { boardId, token } = await boardWithInvite(admin)
    const res = await signUpWith(t, token)
    expect(res.status).toBe(201)
    expect(await membersOf(admin, boardId)).toEqual([['Admin', 'owner'], ['Newcomer', 'editor']])
    const reused = await t.api.api.invites.preview.$post({ json: { token } })
    expect(apiErrorBodySchema.parse(await reused.json()).error.code).toBe('invite_used')
  })

  it('still creates the account when the invite link signed up from opens nothing', async () => {
    await signUp(t.server.url, 'Admin')
    expect((await signUpWith(t, 'A'.repeat(43))).status).toBe(201)
  })
})

describe('sign-up by invitation (STORYLOOM_SIGNUP=invite)', () => {
  const t = useHttpTestServer({ authRequired: true, signUp: 'invite' })

  it('lets the first account sign up without an invite, and it is the admin', async () => {
    expect(await signUpSetting(t)).toBe('open')
    const res = await signUpWith(t)
    expect(res.status).toBe(201)
    expect(await res.json()).toMatchObject({ isAdmin: true })
    expect(await signUpSetting(t)).toBe('invite')
  })

  it('refuses a later sign-up without an invite, with a clear message, and creates no account', async () => {
    await signUp(t.server.url, 'Admin')
    const res = await signUpWith(t)
    expect(res.status).toBe(403)
    expect(apiErrorBodySchema.parse(await res.json()).error).toEqual({ code: 'sign_up_by_invitation', message: BY_INVITATION })
    expect(t.server.db.select().from(users).all()).toHaveLength(1)
  })

  it('lets someone with an invite link sign up, joining its board, and uses the link up', async () => {
    const admin = await signUp(t.server.url, 'Admin')
    const { boardId, token } = await boardWithInvite(admin)
    const res = await signUpWith(t, token)
    expect(res.status).toBe(201)
    expect(await membersOf(admin, boardId)).toEqual([['Admin', 'owner'], ['Newcomer', 'editor']])

    const again = await signUpWith(t, token)
    expect(again.status).toBe(403)
    expect(apiErrorBodySchema.parse(await again.json()).error).toMatchObject({ code: 'sign_up_by_invitation', message: expect.stringMatching(/already used/) })
    expect(t.server.db.select().from(users).all()).toHaveLength(2)
  })

  it('refuses a forged or expired invite and creates no account', async () => {
    const admin = await signUp(t.server.url, 'Admin')
    const { token } = await boardWithInvite(admin, 1)
    const forged = await signUpWith(t, 'A'.repeat(43))
    expect(forged.status).toBe(403)
    expect(apiErrorBodySchema.parse(await forged.json()).error.message).toMatch(/not valid/)
    t.server.db.$client.prepare('UPDATE board_invites SET expires_at = 0').run()
    const expired = await signUpWith(t, token)
    expect(expired.status).toBe(403)
    expect(apiErrorBodySchema.parse(await expired.json()).error.message).toMatch(/expired/)
    expect(t.server.db.select().from(users).all()).toHaveLength(1)
  })
})
