import { createHash, timingSafeEqual } from 'node:crypto'

/**
 * Proof that a browser typed a share link's passcode: an httpOnly cookie per link whose value
 * is sha256(token, passcode hash). The server recomputes it from the link's row, so it needs no
 * session table; it stops working when the link is revoked or expires (the row is checked
 * first) and cannot be made without the stored hash, which never leaves the server.
 */
export function reviewGrantCookieName(linkId: string): string {
  return `storyloom_review_${linkId}`
}

export function reviewGrant(token: string, passcodeHash: string): string {
  return createHash('sha256').update(token).update('\0').update(passcodeHash).digest('base64url')
}

export function isReviewGrant(value: string | undefined, token: string, passcodeHash: string): boolean {
  if (value === undefined) return false
  const expected = Buffer.from(reviewGrant(token, passcodeHash))
  const actual = Buffer.from(value)
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
