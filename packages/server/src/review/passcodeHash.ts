import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto'

/** scrypt cost: N=2^15, r=8 (32 MiB, tens of ms): slow enough to make guessing offline costly. */
const PARAMS: ScryptOptions = { N: 1 << 15, r: 8, p: 1, maxmem: 64 * 1024 * 1024 }
const KEY_BYTES = 32

function derive(passcode: string, salt: Buffer): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scrypt(passcode.normalize('NFC'), salt, KEY_BYTES, PARAMS, (error, key) => (error ? reject(error) : resolve(key))),
  )
}

/** `scrypt$<salt>$<key>` (base64url) for storage; the passcode itself is never stored. */
export async function hashPasscode(passcode: string): Promise<string> {
  const salt = randomBytes(16)
  return `scrypt$${salt.toString('base64url')}$${(await derive(passcode, salt)).toString('base64url')}`
}

/** Whether `passcode` is the one `stored` was made from (constant-time comparison). */
export async function verifyPasscode(passcode: string, stored: string): Promise<boolean> {
  const [scheme, salt, key] = stored.split('$')
  if (scheme !== 'scrypt' || !salt || !key) return false
  const expected = Buffer.from(key, 'base64url')
  const actual = await derive(passcode, Buffer.from(salt, 'base64url'))
  return actual.length === expected.length && timingSafeEqual(actual, expected)
}
