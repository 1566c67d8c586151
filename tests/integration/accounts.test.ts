import { describe, expect, it, vi } from 'vitest'
import { sessionResponseSchema, userResponseSchema } from '@storyloom/shared/api/accounts'
import { createApiClient } from '@storyloom/server/http/apiClient'
import { defaultRateLimits } from '@storyloom/server/config'
import { sessions, users } from '@storyloom/server/db/schema'
import { errorCode } from '../support/apiError'
import { sessionCookieOf, signUp } from '../support/accounts'
import { useHttpTestServer, type HttpTestServer } from '../support/httpTestServer'

function signIn(t: HttpTestServer, email: string, password: string) {
  return t.api.api.auth['sign-in'].$post({ json: { email, password } })
}

describe('accounts', () => {
  const t = useHttpTestServer({ authRequired: true })

  it('makes the first account admin and no later one', async () => {
    const first = await signUp(t.server.url)
    const second = await signUp(t.server.url)
    expect(first.user.isAdmin).toBe(true)
    expect(second.user.isAdmin).toBe(false)
  })

  it('sets an httpOnly SameSite session cookie and keeps only a slow hash of the password and a hash of the token', async () => {
    const res = await t.api.api.auth['sign-up'].$post({
      json: { email: 'Ada@Example.com', password: 'correct horse battery', name: 'Ada' },
    })
    expect(res.status).toBe(201)
    const setCookie = res.headers.getSetCookie().join('\n')
    expect(setCookie).toMatch(/HttpOnly/i)
    expect(setCookie).toMatch(/SameSite=Lax/i)
    expect(res.headers.get('cache-control')).toBe('no-store')
    const token = sessionCookieOf(res).split('=')[1]!

    const [user] = t.server.db.select().from(users).all()
    expect(user!.email).toBe('ada@example.com')
    expect(user!.passwordHash).toMatch(/^scrypt\$32768\$8\$1\$/)
    expect(user!.passwordHash).not.toContain('correct horse')
    const stored = t.server.db.select().from(sessions).all()
    expect(stored).toHaveLength(1)
    expect(stored[0]!.tokenHash).not.toBe(token)
  })

  it('signs in with the right password only, with one message for a wrong password and an unknown email', async () => {
    await t.api.api.auth['sign-up'].$post({ json: { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' } })

    const wrong = await signIn(t, 'ada@example.com', 'wrong horse battery')
    expect(wrong.status).toBe(401)
    const unknown = await signIn(t, 'nobody@example.com', 'correct horse battery')
    expect(unknown.status).toBe(401)
    const [a, b] = [await wrong.json(), await unknown.json()]
    expect(a).toEqual(b)
    expect(a).toMatchObject({ error: { code: 'invalid_credentials' } })

    const right = await signIn(t, 'ADA@example.com ', 'correct horse battery')
    expect(right.status).toBe(200)
    expect(userResponseSchema.parse(await right.json()).email).toBe('ada@example.com')
    const cookie = sessionCookieOf(right)
    const session = await createApiClient(t.server.url, { headers: { cookie } }).api.session.$get()
    expect(sessionResponseSchema.parse(await session.json())).toMatchObject({ mode: 'accounts', user: { email: 'ada@example.com' } })
  })

  it('refuses a taken email, a short password and a malformed email with named codes', async () => {
    const api = t.api.api
    const ok = await api.auth['sign-up'].$post({ json: { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' } })
    expect(ok.status).toBe(201)
    const taken = await api.auth['sign-up'].$post({ json: { email: 'ADA@example.com', password: 'another long password', name: 'Ada 2' } })
    expect(taken.status).toBe(409)
    expect(await errorCode(taken)).toBe('email_taken')
    const short = await api.auth['sign-up'].$post({ json: { email: 'bob@example.com', password: 'short', name: 'Bob' } })
    expect(short.status).toBe(400)
    expect(await errorCode(short)).toBe('invalid_request')
    const malformed = await api.auth['sign-up'].$post({ json: { email: 'not-an-email', password: 'correct horse battery', name: 'Bob' } })
    expect(await errorCode(malformed)).toBe('invalid_request')
  })

  it('signs out: the session stops working at once', async () => {
    const account = await signUp(t.server.url)
    expect((await account.api.api.boards.$get()).status).toBe(200)
    expect((await account.api.api.auth['sign-out'].$post()).status).toBe(204)
    const after = await account.api.api.boards.$get()
    expect(after.status).toBe(401)
    expect(await errorCode(after)).toBe('not_signed_in')
  })

  it('refuses an expired session', async () => {
    const account = await signUp(t.server.url)
    t.server.db.$client.prepare('UPDATE sessions SET expires_at = ? WHERE user_id = ?').run(Date.now() - 1000, account.user.id)
    const res = await account.api.api.boards.$get()
    expect([res.status, await errorCode(res)]).toEqual([401, 'not_signed_in'])
  })

  it('refuses forged session cookies', async () => {
    await signUp(t.server.url)
    const forged = createApiClient(t.server.url, { headers: { cookie: 'storyloom_session=' + 'A'.repeat(43) } })
    const res = await forged.api.boards.$get()
    expect(res.status).toBe(401)
    expect(await errorCode(res)).toBe('not_signed_in')
  })
})

describe('accounts, with tight rate limits', () => {
  const t = useHttpTestServer({
    authRequired: true,
    rateLimits: { ...defaultRateLimits, signIn: { max: 3, windowMs: 60_000 }, signUp: { max: 2, windowMs: 60_000 }, generation: { max: 1, windowMs: 60_000 } },
  })

  it('rate-limits sign-in guesses with a Retry-After', async () => {
    const ada = await t.api.api.auth['sign-up'].$post({ json: { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' } })
    expect(ada.status).toBe(201)
    // Successful sign-ins are not counted: a team behind one address is never locked out.
    for (let i = 0; i < 4; i++) expect((await signIn(t, 'ada@example.com', 'correct horse battery')).status).toBe(200)
    for (let i = 0; i < 3; i++) expect((await signIn(t, 'ada@example.com', 'guess number ' + i)).status).toBe(401)
    const limited = await signIn(t, 'ada@example.com', 'guess number 4')
    expect(limited.status).toBe(429)
    expect(await errorCode(limited)).toBe('rate_limited')
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0)

    const person = await signUp(t.server.url)
    const third = await t.api.api.auth['sign-up'].$post({ json: { email: 'c@example.com', password: 'correct horse battery', name: 'C' } })
    expect(third.status).toBe(429)

    // Generations: counted per person before the route runs.
    const board = (await (await person.api.api.boards.$post({ json: { name: 'B' } })).json()) as { id: string }
    const generate = () =>
      fetch(`${t.server.url}/api/boards/${board.id}/generations`, {
        method: 'POST',
        headers: { cookie: person.cookie, 'content-type': 'application/json' },
        body: JSON.stringify({ shotIds: [] }),
      })
    expect((await generate()).status).not.toBe(429)
    const second = await generate()
    expect([second.status, await errorCode(second)]).toEqual([429, 'rate_limited'])
  })
})

describe('accounts, with a tight limit on new boards', () => {
  const t = useHttpTestServer({ authRequired: true, rateLimits: { ...defaultRateLimits, boardCreation: { max: 2, windowMs: 60_000 } } })

  it('rate-limits new boards per person: creating and duplicating count together, reads do not, others are not held up', async () => {
    await signUp(t.server.url) // the admin, who sees every board
    const [ada, bob] = [await signUp(t.server.url), await signUp(t.server.url)]
    const first = await ada.api.api.boards.$post({ json: { name: 'One' } })
    expect(first.status).toBe(201)
    const { id } = (await first.json()) as { id: string }
    const copy = await ada.api.api.boards[':boardId'].duplicate.$post({ param: { boardId: id }, json: {} })
    expect(copy.status).toBe(201)
    expect((await ada.api.api.boards.$get()).status).toBe(200)
    const third = await ada.api.api.boards.$post({ json: { name: 'Three' } })
    expect(third.status).toBe(429)
    expect(await errorCode(third)).toBe('rate_limited')
    expect(Number(third.headers.get('retry-after'))).toBeGreaterThan(0)
    const copyAgain = await ada.api.api.boards[':boardId'].duplicate.$post({ param: { boardId: id }, json: {} })
    expect(copyAgain.status).toBe(429)
    // Renaming is not creating.
    expect((await ada.api.api.boards[':boardId'].$patch({ param: { boardId: id }, json: { name: 'Renamed' } })).status).toBe(200)
    expect((await bob.api.api.boards.$post({ json: { name: 'Bob’s' } })).status).toBe(201)
    const adas = (await (await ada.api.api.boards.$get()).json()) as { boards: { name: string }[] }
    expect(adas.boards.map((board) => board.name).sort()).toEqual(['One (copy)', 'Renamed'])
  })
})

describe('accounts, guessed all at once', () => {
  const t = useHttpTestServer({
    authRequired: true,
    rateLimits: { ...defaultRateLimits, signIn: { max: 3, windowMs: 60_000 }, signUp: { max: 5, windowMs: 60_000 } },
  })

  it('holds sign-in guesses sent together to the limit: each counts when it arrives, not after its password check', async () => {
    await t.api.api.auth['sign-up'].$post({ json: { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' } })
    const answers = await Promise.all(Array.from({ length: 12 }, (_, i) => signIn(t, 'ada@example.com', `guess number ${i}`)))
    expect(answers.map((a) => a.status).sort()).toEqual([...Array(3).fill(401), ...Array(9).fill(429)])
  })
})

describe('logs', () => {
  const t = useHttpTestServer({ authRequired: true })

  it('never contain passwords, session tokens or invite tokens', async () => {
    const lines: string[] = []
    for (const level of ['log', 'info', 'warn', 'error'] as const) {
      vi.spyOn(console, level).mockImplementation((...args: unknown[]) => void lines.push(args.map(String).join(' ')))
    }
    try {
      const owner = await signUp(t.server.url)
      await signIn(t, owner.user.email, 'a wrong password here')
      const board = (await (await owner.api.api.boards.$post({ json: { name: 'B' } })).json()) as { id: string }
      const invite = (await (await owner.api.api.boards[':boardId'].invites.$post({ param: { boardId: board.id }, json: { role: 'editor' } })).json()) as { token: string }
      await owner.api.api.invites.accept.$post({ json: { token: invite.token.slice(0, -1) + 'x' } })
      await fetch(`${t.server.url}/api/boards/${board.id}`, { headers: { cookie: 'storyloom_session=forged-token-value' } })
      const secrets = ['correct horse battery', 'a wrong password here', owner.cookie.split('=')[1]!, invite.token, 'forged-token-value']
      for (const secret of secrets) expect(lines.join('\n')).not.toContain(secret)
    } finally {
      vi.restoreAllMocks()
    }
  })
})

describe('local mode', () => {
  const t = useHttpTestServer()

  it('needs no sign-in on loopback, and refuses sign-up', async () => {
    const api = t.api.api
    expect(sessionResponseSchema.parse(await (await api.session.$get()).json())).toEqual({ mode: 'local', user: null, signUp: 'open' })
    expect((await api.boards.$post({ json: { name: 'Mine' } })).status).toBe(201)
    const signUpRes = await api.auth['sign-up'].$post({ json: { email: 'ada@example.com', password: 'correct horse battery', name: 'Ada' } })
    expect(await errorCode(signUpRes)).toBe('accounts_disabled')
  })
})

describe('local mode on a non-loopback host', () => {
  const t = useHttpTestServer({ host: '0.0.0.0' })

  it('is impossible: accounts are required there', async () => {
    const res = await t.api.api.boards.$get()
    expect(res.status).toBe(401)
  })
})
