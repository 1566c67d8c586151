import { beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { accountListResponseSchema, createdInviteResponseSchema, deletedAccountResponseSchema, memberListResponseSchema } from '@storyloom/shared/api/accounts'
import { boardListResponseSchema } from '@storyloom/shared/api/boards'
import { ACCOUNT_DELETED_REASON, CloseCode } from '@storyloom/shared/protocol/syncProtocol'
import { boardInvites } from '@storyloom/server/db/schema'
import { addMembers, boardWithMember, signUp, type TestAccount } from '../support/accounts'
import { createBoard, waitFor } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'
import { errorOf } from '../support/apiError'

// A self-hoster running Storyloom for a studio removes the account of someone who left; people
// delete their own. No board content is lost, and the account is out at once.

// One server for the file (the first account is its admin); each test signs up its own Ada and Bob.
const signUps = { max: 100, windowMs: 3_600_000 }
const t = useSyncTestServer({ authRequired: true, rateLimits: { signIn: signUps, signUp: signUps, generation: signUps, boardCreation: signUps } })
let admin: TestAccount
let ada: TestAccount
let bob: TestAccount

beforeAll(async () => {
  admin = await signUp(t.server.url, 'Admin')
})

beforeEach(async () => {
  ada = await signUp(t.server.url, 'Ada')
  bob = await signUp(t.server.url, 'Bob')
})

const deleteAs = (caller: TestAccount, userId: string, password?: string) =>
  caller.api.api.accounts[':userId'].$delete({ param: { userId }, json: password === undefined ? {} : { password } })
/** Deleting one's own account takes its password (see password-change.test.ts). */
const deleteOwn = (account: TestAccount) => deleteAs(account, account.user.id, 'correct horse battery')

async function membersOf(boardId: string) {
  const res = await admin.api.api.boards[':boardId'].members.$get({ param: { boardId } })
  return memberListResponseSchema.parse(await res.json()).members.map((m) => [m.name, m.role])
}

describe('the accounts of the server', () => {
  it('are listed for the admin, oldest first, and for nobody else (403 admin_required)', async () => {
    const res = await admin.api.api.accounts.$get()
    expect(res.status).toBe(200)
    const { accounts } = accountListResponseSchema.parse(await res.json())
    expect(accounts[0]).toMatchObject({ id: admin.user.id, isAdmin: true })
    expect(accounts.slice(-2).map((a) => [a.id, a.name, a.isAdmin])).toEqual([[ada.user.id, 'Ada', false], [bob.user.id, 'Bob', false]])

    const refused = await ada.api.api.accounts.$get()
    expect(refused.status).toBe(403)
    expect(await errorOf(refused)).toEqual({ code: 'admin_required', message: 'only the admin of this server can see its accounts' })
  })
})

describe('deleting an account', () => {
  it('lets the admin delete another account: it can no longer sign in, and its session ends', async () => {
    const res = await deleteAs(admin, ada.user.id)
    expect(res.status).toBe(200)
    expect((await ada.api.api.boards.$get()).status).toBe(401)
    const signIn = await t.api.api.auth['sign-in'].$post({ json: { email: ada.user.email, password: 'correct horse battery' } })
    expect(signIn.status).toBe(401)
    const { accounts } = accountListResponseSchema.parse(await (await admin.api.api.accounts.$get()).json())
    expect(accounts.map((a) => a.id)).not.toContain(ada.user.id)
    expect(accounts.map((a) => a.id)).toContain(bob.user.id)
  })

  it('refuses anyone but the admin deleting someone else, with a clear message, and deletes nothing', async () => {
    const res = await deleteAs(bob, ada.user.id)
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toEqual({ code: 'admin_required', message: 'only the admin of this server can delete other people’s accounts' })
    expect((await ada.api.api.boards.$get()).status).toBe(200)
  })

  it('refuses deleting the admin account, by the admin too', async () => {
    const res = await deleteAs(admin, admin.user.id)
    expect(res.status).toBe(409)
    expect((await errorOf(res)).code).toBe('admin_account')
    expect((await deleteAs(ada, admin.user.id)).status).toBe(403)
    expect((await admin.api.api.boards.$get()).status).toBe(200)
  })

  it('answers 404 account_not_found for an account that is gone', async () => {
    expect((await deleteAs(admin, ada.user.id)).status).toBe(200)
    const again = await deleteAs(admin, ada.user.id)
    expect(again.status).toBe(404)
    expect((await errorOf(again)).code).toBe('account_not_found')
  })

  it('lets people delete their own account, clearing their cookie', async () => {
    const res = await deleteOwn(ada)
    expect(res.status).toBe(200)
    expect(res.headers.getSetCookie().some((c) => c.startsWith('storyloom_session=;'))).toBe(true)
    expect((await ada.api.api.boards.$get()).status).toBe(401)
  })

  it('passes boards it owned alone to the admin and leaves boards with other owners to them; nothing is deleted', async () => {
    const alone = createBoard(t.server.db, 'Ada’s pitch')
    addMembers(t.server.db, alone, [[ada, 'owner'], [bob, 'editor']])
    const shared = boardWithMember(t.server.db, bob, ada, 'owner')
    const res = await deleteAs(admin, ada.user.id)
    expect(deletedAccountResponseSchema.parse(await res.json())).toEqual({ boardsPassedToAdmin: [{ id: alone, name: 'Ada’s pitch' }] })
    expect(await membersOf(alone)).toEqual([['Bob', 'editor'], ['Admin', 'owner']])
    expect(await membersOf(shared)).toEqual([['Bob', 'owner']])
    const boards = boardListResponseSchema.parse(await (await bob.api.api.boards.$get()).json())
    expect(boards.boards.map((b) => b.id).sort()).toEqual([alone, shared].sort())
  })

  it('revokes the open invite links it made, and keeps used ones as records', async () => {
    const boardId = createBoard(t.server.db, 'Invites')
    addMembers(t.server.db, boardId, [[ada, 'owner'], [bob, 'owner']])
    const make = async () => createdInviteResponseSchema.parse(await (await ada.api.api.boards[':boardId'].invites.$post({ param: { boardId }, json: { role: 'viewer' } })).json())
    const open = await make()
    const used = await make()
    const carol = await signUp(t.server.url, 'Carol')
    expect((await carol.api.api.invites.accept.$post({ json: { token: used.token } })).status).toBe(200)

    expect((await deleteOwn(ada)).status).toBe(200)
    const preview = await t.api.api.invites.preview.$post({ json: { token: open.token } })
    expect((await errorOf(preview)).code).toBe('invite_invalid')
    expect(t.server.db.select({ id: boardInvites.id }).from(boardInvites).all()).toEqual([{ id: used.id }])
    expect(await membersOf(boardId)).toEqual([['Bob', 'owner'], ['Carol', 'viewer']])
  })

  it('closes the account’s open board connections at once, saying why, and no one else’s', async () => {
    const boardId = boardWithMember(t.server.db, bob, ada, 'editor')
    const leaving = t.connect(boardId, { headers: { cookie: ada.cookie } })
    const staying = t.connect(boardId, { headers: { cookie: bob.cookie } })
    await Promise.all([leaving.synced(), staying.synced()])
    expect((await deleteAs(admin, ada.user.id)).status).toBe(200)
    await waitFor(() => leaving.closes[0], { what: 'close after the account was deleted' })
    expect(leaving.closes[0]).toEqual({ code: CloseCode.unauthorized, reason: ACCOUNT_DELETED_REASON })
    expect(staying.closes).toEqual([])
  })
})
