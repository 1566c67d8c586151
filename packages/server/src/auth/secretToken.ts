import { createHash, randomBytes } from 'node:crypto'

/** A new secret for a cookie or link: 32 random bytes as base64url (43 characters). */
export function newSecretToken(): string {
  return randomBytes(32).toString('base64url')
}

/**
 * What the database stores for a secret token. The tokens are 256 random bits, so a fast hash
 * is enough: nobody can guess one from its hash, and lookups stay a single indexed query.
 */
export function hashToken(token: string): string {
  return createHash('sha256').update(token).digest('base64url')
}

/** A short random id for rows people see (users, invites). */
export function newId(): string {
  return randomBytes(12).toString('base64url')
}
