import { beforeEach, describe, expect, it } from 'vitest'
import { CloseCode, PASSWORD_CHANGED_REASON } from '@storyloom/shared/protocol/syncProtocol'
import { createApiClient } from '@storyloom/server/http/apiClient'
import { boardWithMember, sessionCookieOf, signUp, type TestAccount } from '../support/accounts'
import { waitFor } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'
import { accountsServerConfig, NEW_PASSWORD as NEW, OLD_PASSWORD as OLD, usePasswordAccounts } from '../support/passwordAccounts'
import { errorOf } from '../support/apiError'

// Someone changes their password because it leaked, or deletes their account: the old password
// stops working, the other places they were signed in end, and a laptop left signed in cannot
// do either without the password.

const accounts = usePasswordAccounts()
const { t, signIn, hashOf } = accounts
let admin: TestAccount
let ada: TestAccount
beforeEach(() => ({ admin, ada } = accounts))

const changePassword = (caller: TestAccount, currentPassword: string, newPassword: string) =>
  caller.api.api.auth.password.$post({ json: { currentPassword, newPassword } })

/** Ada signed in a second time (another browser): its cookie and client. */
async function secondSession(): Promise<TestAccount> {
  const res = await signIn(OLD)
  expect(res.status).toBe(200)
  const cookie = sessionCookieOf(res)
  return { ...ada, cookie, api: createApiClient(t.server.url, { headers: { cookie } }) }
}

describe('changing one’s password', () => {
  it('replaces the password: the old one is refused at sign-in, the new one works', async () => {
    const res = await changePassword(ada, OLD, NEW)
    expect(res.status).toBe(204)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect((await signIn(OLD)).status).toBe(401)
    expect((await signIn(NEW)).status).toBe(200)
  })

  it('refuses a wrong current password with a clear error and changes nothing', async () => {
    const before = hashOf(ada.user.id)
    const other = await secondSession()
    const res = await changePassword(ada, 'not my password', NEW)
    expect(res.status).toBe(403)
    expect(await errorOf(res)).toEqual({ code: 'wrong_password', message: 'wrong password' })
    expect(hashOf(ada.user.id)).toBe(before)
    expect((await other.api.api.boards.$get()).status).toBe(200)
    expect((await signIn(OLD)).status).toBe(200)
  })

  it('holds the new password to the sign-up rules', async () => {
    const res = await changePassword(ada, OLD, 'short')
    expect(res.status).toBe(400)
    expect(await errorOf(res)).toEqual({ code: 'invalid_request', message: 'newPassword: password must be at least 10 characters' })
    expect((await signIn(OLD)).status).toBe(200)
  })

  it('ends every other session of the account and keeps this one', async () => {
    const other = await secondSession()
    const bystander = await signUp(t.server.url, 'Bob')
    expect((await changePassword(ada, OLD, NEW)).status).toBe(204)
    expect((await other.api.api.boards.$get()).status).toBe(401)
    expect((await ada.api.api.boards.$get()).status).toBe(200)
    expect((await bystander.api.api.boards.$get()).status).toBe(200)
  })

  it('closes the other sessions’ open board connections at once, and not this session’s', async () => {
    const other = await secondSession()
    const boardId = boardWithMember(t.server.db, admin, ada, 'editor')
    const here = t.connect(boardId, { headers: { cookie: ada.cookie } })
    const there = t.connect(boardId, { headers: { cookie: other.cookie } })
    await Promise.all([here.synced(), there.synced()])
    expect((await changePassword(ada, OLD, NEW)).status).toBe(204)
    await waitFor(() => there.closes[0], { what: 'close after the password changed' })
    expect(there.closes[0]).toEqual({ code: CloseCode.unauthorized, reason: PASSWORD_CHANGED_REASON })
    expect(here.closes).toEqual([])
  })

  it('needs a session, and refuses a request from another site', async () => {
    const anonymous = await t.api.api.auth.password.$post({ json: { currentPassword: OLD, newPassword: NEW } })
    expect(anonymous.status).toBe(401)
    const forged = await ada.api.api.auth.password.$post({ json: { currentPassword: OLD, newPassword: NEW } }, { headers: { origin: 'https://evil.example' } })
    expect(forged.status).toBe(403)
    expect((await errorOf(forged)).code).toBe('cross_origin_request')
    expect((await signIn(OLD)).status).toBe(200)
  })
})

describe('guessing the current password', () => {
  const strict = useSyncTestServer(accountsServerConfig(2))

  it('is limited like sign-in, and counts with sign-in’s failed attempts for the account', async () => {
    const eve = await signUp(strict.server.url, 'Eve')
    const change = (currentPassword: string) => eve.api.api.auth.password.$post({ json: { currentPassword, newPassword: NEW } })
    expect((await strict.api.api.auth['sign-in'].$post({ json: { email: eve.user.email, password: 'guess one!' } })).status).toBe(401)
    expect((await change('guess two!')).status).toBe(403)
    const limited = await change(OLD)
    expect(limited.status).toBe(429)
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    const stillOld = await strict.api.api.auth['sign-in'].$post({ json: { email: eve.user.email, password: OLD } })
    expect((await errorOf(stillOld)).code).toBe('rate_limited')
  })
})

describe('deleting one’s own account', () => {
  const deleteAs = (caller: TestAccount, userId: string, password?: string) =>
    caller.api.api.accounts[':userId'].$delete({ param: { userId }, json: password === undefined ? {} : { password } })

  it('needs the password: without it or with a wrong one, nothing is deleted', async () => {
    const missing = await deleteAs(ada, ada.user.id)
    expect(missing.status).toBe(403)
    expect(await errorOf(missing)).toEqual({ code: 'wrong_password', message: 'type your password to delete your account' })
    const wrong = await deleteAs(ada, ada.user.id, 'not my password')
    expect(wrong.status).toBe(403)
    expect(await errorOf(wrong)).toEqual({ code: 'wrong_password', message: 'wrong password' })
    expect((await ada.api.api.boards.$get()).status).toBe(200)
    expect((await signIn(OLD)).status).toBe(200)
  })

  it('deletes it with the right password', async () => {
    const res = await deleteAs(ada, ada.user.id, OLD)
    expect(res.status).toBe(200)
    expect((await ada.api.api.boards.$get()).status).toBe(401)
    expect((await signIn(OLD)).status).toBe(401)
  })

  it('leaves the admin deleting someone else’s account without a password', async () => {
    expect((await deleteAs(admin, ada.user.id)).status).toBe(200)
    expect((await signIn(OLD)).status).toBe(401)
  })
})
