import { beforeEach, describe, expect, it } from 'vitest'
import { eq } from 'drizzle-orm'
import { createdPasswordResetResponseSchema, passwordResetPreviewResponseSchema, userResponseSchema } from '@storyloom/shared/api/accounts'
import { CloseCode, PASSWORD_CHANGED_REASON } from '@storyloom/shared/protocol/syncProtocol'
import { createApiClient } from '@storyloom/server/http/apiClient'
import { passwordResets } from '@storyloom/server/db/schema'
import { boardWithMember, sessionCookieOf, signUp, type TestAccount } from '../support/accounts'
import { useHttpTestServer } from '../support/httpTestServer'
import { waitFor } from '../support/syncClient'
import { useSyncTestServer } from '../support/syncTestServer'
import { accountsServerConfig, NEW_PASSWORD as NEW, OLD_PASSWORD as OLD, usePasswordAccounts } from '../support/passwordAccounts'
import { errorOf } from '../support/apiError'

// Someone forgot their password. The admin makes a one-time reset link on the Accounts page and
// sends it by their own means; whoever opens it sets a new password and is signed in, and every
// other place the account was signed in ends. A dead link (used, expired, replaced) changes nothing.

const accounts = usePasswordAccounts()
const { t, signIn, hashOf } = accounts
let admin: TestAccount
let ada: TestAccount
beforeEach(() => ({ admin, ada } = accounts))

const makeLink = (caller: TestAccount, userId: string) => caller.api.api.accounts[':userId']['password-reset'].$post({ param: { userId } })
const preview = (token: string) => t.api.api.auth['password-reset'].preview.$post({ json: { token } })
const reset = (token: string, newPassword = NEW) => t.api.api.auth['password-reset'].$post({ json: { token, newPassword } })

/** A reset link the admin made for Ada: its token. */
async function linkForAda(): Promise<{ token: string; expiresAt: string }> {
  const res = await makeLink(admin, ada.user.id)
  expect(res.status).toBe(201)
  expect(res.headers.get('cache-control')).toBe('no-store')
  return createdPasswordResetResponseSchema.parse(await res.json())
}

describe('making a password reset link', () => {
  it('is for the admin: it holds a 256-bit token, lasts 24 hours, and the database keeps only its hash', async () => {
    const before = Date.now()
    const { token, expiresAt } = await linkForAda()
    expect(token).toMatch(/^[A-Za-z0-9_-]{43}$/)
    expect(Date.parse(expiresAt) - before).toBeGreaterThanOrEqual(24 * 3_600_000 - 1_000)
    expect(Date.parse(expiresAt) - before).toBeLessThanOrEqual(24 * 3_600_000 + 60_000)
    const stored = t.server.db.select().from(passwordResets).where(eq(passwordResets.userId, ada.user.id)).all()
    expect(stored).toHaveLength(1)
    expect(JSON.stringify(stored)).not.toContain(token)
  })

  it('refuses anyone but the admin, and an account that does not exist', async () => {
    const bob = await signUp(t.server.url, 'Bob')
    const byBob = await makeLink(bob, ada.user.id)
    expect([byBob.status, (await errorOf(byBob)).code]).toEqual([403, 'admin_required'])
    const ownByAda = await makeLink(ada, ada.user.id)
    expect([ownByAda.status, (await errorOf(ownByAda)).code]).toEqual([403, 'admin_required'])
    const anonymous = await t.api.api.accounts[':userId']['password-reset'].$post({ param: { userId: ada.user.id } })
    expect([anonymous.status, (await errorOf(anonymous)).code]).toEqual([401, 'not_signed_in'])
    const unknown = await makeLink(admin, 'AAAAAAAAAAAAAAAA')
    expect([unknown.status, (await errorOf(unknown)).code]).toEqual([404, 'account_not_found'])
    const hostile = await makeLink(admin, 'not an account id')
    expect(hostile.status).toBe(400)
    const forged = await admin.api.api.accounts[':userId']['password-reset'].$post({ param: { userId: ada.user.id } }, { headers: { origin: 'https://evil.example' } })
    expect([forged.status, (await errorOf(forged)).code]).toEqual([403, 'cross_origin_request'])
    expect(t.server.db.select().from(passwordResets).where(eq(passwordResets.userId, ada.user.id)).all()).toEqual([])
  })
})

describe('using a password reset link', () => {
  it('previews whose password it sets, then sets it and signs this browser in', async () => {
    const { token, expiresAt } = await linkForAda()
    const seen = await preview(token)
    expect(seen.status).toBe(200)
    expect(passwordResetPreviewResponseSchema.parse(await seen.json())).toEqual({ email: ada.user.email, name: 'Ada', expiresAt })

    const res = await reset(token)
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(userResponseSchema.parse(await res.json())).toEqual(ada.user)
    const here = createApiClient(t.server.url, { headers: { cookie: sessionCookieOf(res) } })
    expect((await here.api.boards.$get()).status).toBe(200)
    expect((await signIn(OLD)).status).toBe(401)
    expect((await signIn(NEW)).status).toBe(200)
  })

  it('works once: opened again it says it was used, and changes nothing more', async () => {
    const { token } = await linkForAda()
    expect((await reset(token)).status).toBe(200)
    const hash = hashOf(ada.user.id)
    const again = await reset(token, 'a third password here')
    expect([again.status, (await errorOf(again)).code]).toEqual([410, 'password_reset_used'])
    expect(again.headers.getSetCookie()).toEqual([])
    const seen = await preview(token)
    expect([seen.status, (await errorOf(seen)).code]).toEqual([410, 'password_reset_used'])
    expect(hashOf(ada.user.id)).toBe(hash)
  })

  it('expires: an expired link changes nothing', async () => {
    const { token } = await linkForAda()
    t.server.db.update(passwordResets).set({ expiresAt: new Date(Date.now() - 1_000) }).where(eq(passwordResets.userId, ada.user.id)).run()
    const before = hashOf(ada.user.id)
    const res = await reset(token)
    expect([res.status, await errorOf(res)]).toEqual([410, { code: 'password_reset_expired', message: 'this password reset link has expired; ask the admin for a new one' }])
    expect((await errorOf(await preview(token))).code).toBe('password_reset_expired')
    expect(hashOf(ada.user.id)).toBe(before)
    expect((await ada.api.api.boards.$get()).status).toBe(200)
  })

  it('a new link for the account revokes the older unused one', async () => {
    const older = await linkForAda()
    const newer = await linkForAda()
    const res = await reset(older.token)
    expect([res.status, (await errorOf(res)).code]).toEqual([404, 'password_reset_invalid'])
    expect((await signIn(OLD)).status).toBe(200)
    expect((await reset(newer.token)).status).toBe(200)
  })

  it('ends every session of the account and closes their open board connections', async () => {
    const other = await signIn(OLD)
    const otherCookie = sessionCookieOf(other)
    const bystander = await signUp(t.server.url, 'Bob')
    const boardId = boardWithMember(t.server.db, admin, ada, 'editor')
    const open = await t.connected(boardId, { headers: { cookie: ada.cookie } })
    const { token } = await linkForAda()
    expect((await reset(token)).status).toBe(200)
    expect((await ada.api.api.boards.$get()).status).toBe(401)
    expect((await createApiClient(t.server.url, { headers: { cookie: otherCookie } }).api.boards.$get()).status).toBe(401)
    expect((await bystander.api.api.boards.$get()).status).toBe(200)
    await waitFor(() => open.closes[0], { what: 'close after the password was reset' })
    expect(open.closes[0]).toEqual({ code: CloseCode.unauthorized, reason: PASSWORD_CHANGED_REASON })
  })

  it('refuses unknown, hostile and weak input with a clear error, and changes nothing', async () => {
    const { token } = await linkForAda()
    const before = hashOf(ada.user.id)
    const unknown = await reset('A'.repeat(43))
    expect([unknown.status, await errorOf(unknown)]).toEqual([404, { code: 'password_reset_invalid', message: 'this password reset link is not valid: a newer one was made, or it is not a Storyloom link; ask the admin for a new one' }])
    const weak = await reset(token, 'short')
    expect([weak.status, await errorOf(weak)]).toEqual([400, { code: 'invalid_request', message: 'newPassword: password must be at least 10 characters' }])
    for (const body of [{ token: `${token}/../x`, newPassword: NEW }, { token: 42, newPassword: NEW }, { token }, { token, newPassword: 'x'.repeat(257) }, null]) {
      const res = await fetch(`${t.server.url}/api/auth/password-reset`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) })
      expect(res.status).toBe(400)
    }
    const forged = await t.api.api.auth['password-reset'].$post({ json: { token, newPassword: NEW } }, { headers: { origin: 'https://evil.example' } })
    expect([forged.status, (await errorOf(forged)).code]).toEqual([403, 'cross_origin_request'])
    expect(hashOf(ada.user.id)).toBe(before)
    expect((await ada.api.api.boards.$get()).status).toBe(200)
    expect((await reset(token)).status).toBe(200) // the link itself still works
  })

  it('is useless once the account is deleted', async () => {
    const { token } = await linkForAda()
    expect((await admin.api.api.accounts[':userId'].$delete({ param: { userId: ada.user.id }, json: {} })).status).toBe(200)
    const res = await reset(token)
    expect([res.status, (await errorOf(res)).code]).toEqual([404, 'password_reset_invalid'])
    expect((await signIn(NEW)).status).toBe(401)
  })
})

describe('guessing reset links', () => {
  const strict = useSyncTestServer(accountsServerConfig(1))

  it('is limited per address, like failed sign-ins', async () => {
    const guess = () => strict.api.api.auth['password-reset'].$post({ json: { token: 'B'.repeat(43), newPassword: NEW } })
    // The address's budget is three times an account's (as for sign-in): 3 failed guesses, then 429.
    for (let i = 0; i < 3; i++) expect((await guess()).status).toBe(404)
    const limited = await guess()
    expect([limited.status, (await errorOf(limited)).code]).toEqual([429, 'rate_limited'])
    expect(limited.headers.get('retry-after')).toMatch(/^\d+$/)
    const previewed = await strict.api.api.auth['password-reset'].preview.$post({ json: { token: 'B'.repeat(43) } })
    expect(previewed.status).toBe(429)
  })
})

describe('local mode', () => {
  const local = useHttpTestServer()

  it('has no passwords to reset', async () => {
    const res = await local.api.api.auth['password-reset'].$post({ json: { token: 'C'.repeat(43), newPassword: NEW } })
    expect([res.status, (await errorOf(res)).code]).toEqual([404, 'accounts_disabled'])
    const made = await local.api.api.accounts[':userId']['password-reset'].$post({ param: { userId: 'AAAAAAAAAAAAAAAA' } })
    expect([made.status, (await errorOf(made)).code]).toEqual([404, 'accounts_disabled'])
  })
})
