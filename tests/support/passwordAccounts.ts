import { beforeEach } from 'vitest'
import { eq } from 'drizzle-orm'
import { users } from '@storyloom/server/db/schema'
import { signUp, type TestAccount } from './accounts'
import { useSyncTestServer } from './syncTestServer'

export const OLD_PASSWORD = 'correct horse battery'
export const NEW_PASSWORD = 'staple battery horse correct'

/**
 * A server with accounts whose limits let a file sign up and sign in freely, except failed
 * sign-ins: `signInMax` of them an hour per account (three times that per address).
 */
export function accountsServerConfig(signInMax = 100) {
  const plenty = { max: 100, windowMs: 3_600_000 }
  return { authRequired: true, rateLimits: { signIn: { max: signInMax, windowMs: 3_600_000 }, signUp: plenty, generation: plenty, boardCreation: plenty } }
}

/**
 * The setting of the password tests: a server with accounts (rate limits high enough for a file
 * of sign-ins), its admin, and a new account "Ada" for each test.
 */
export function usePasswordAccounts() {
  const t = useSyncTestServer(accountsServerConfig())
  let admin: TestAccount | undefined
  let ada: TestAccount | undefined
  beforeEach(async () => {
    admin ??= await signUp(t.server.url, 'Admin')
    ada = await signUp(t.server.url, 'Ada')
  })
  return {
    t,
    /** The first account (the admin), made once for the file. */
    get admin(): TestAccount {
      return admin!
    },
    /** A fresh account for each test, signed up with {@link OLD_PASSWORD}. */
    get ada(): TestAccount {
      return ada!
    },
    /** Signs in as Ada with `password`. */
    signIn: (password: string) => t.api.api.auth['sign-in'].$post({ json: { email: ada!.user.email, password } }),
    /** The password hash stored for `userId`, to prove a refused request changed nothing. */
    hashOf: (userId: string) => t.server.db.select({ hash: users.passwordHash }).from(users).where(eq(users.id, userId)).get()!.hash,
  }
}
