import type { Context } from 'hono'
import type { RateLimit } from '../config'
import { dummyPasswordHash, verifyPassword } from '../auth/passwordHash'
import { clientAddress, RateLimiter } from './rateLimit'

/**
 * Every place a password is checked (sign-in, changing it, deleting one's account; and, per
 * address, opening a password reset link) draws on the same failed-attempt limits, so a guesser
 * gains nothing by switching route: per address (one
 * client guessing many accounts, 3× the limit) and per account (many clients guessing one).
 * Successful checks do not count, so a team behind one address signing in at nine is never
 * locked out.
 */
export class PasswordAttempts {
  private readonly byAddress: RateLimiter
  private readonly byAccount: RateLimiter

  constructor(limit: RateLimit) {
    this.byAddress = new RateLimiter({ ...limit, max: limit.max * 3 })
    this.byAccount = new RateLimiter(limit)
  }

  /**
   * Whether `password` matches `storedHash` (an account's, found by `email`; undefined when no
   * account has that email, which takes as long to refuse). Throws `rate_limited` past the limits.
   * Each attempt counts as failed from its start (the hash takes tens of ms, and guesses sent at
   * once must not all be checked) and is given back when the password was right.
   */
  async verify(c: Context, email: string, password: string, storedHash: string | undefined): Promise<boolean> {
    const giveBackAddress = this.byAddress.take(c, `ip:${clientAddress(c)}`, 'failed password attempts from this address')
    let giveBackAccount: () => void
    try {
      giveBackAccount = this.byAccount.take(c, `email:${email}`, 'failed password attempts for this account')
    } catch (refusal) {
      giveBackAddress() // not tried: only the account's limit was reached
      throw refusal
    }
    const matches = (await verifyPassword(password, storedHash ?? (await dummyPasswordHash()))) && storedHash !== undefined
    if (matches) {
      giveBackAddress()
      giveBackAccount()
    }
    return matches
  }

  /**
   * Counts opening a secret link that sets a password (a reset link) as a failed attempt of this
   * address, with wrong passwords, as it starts; throws `rate_limited` past the limit. Returns the
   * function that gives it back when the link turned out to be a live one.
   */
  takeLinkAttempt(c: Context): () => void {
    return this.byAddress.take(c, `ip:${clientAddress(c)}`, 'failed attempts from this address')
  }
}
