import { randomBytes, timingSafeEqual } from 'node:crypto'
import { readFileSync, writeFileSync } from 'node:fs'
import { join } from 'node:path'
import { workerTokenSchema } from '@storyloom/shared/generation/workerApi'
import { WORKER_TOKEN_FILE } from '../dataDir'

export { WORKER_TOKEN_FILE }

/**
 * The token workers present to the worker API: `STORYLOOM_WORKER_TOKEN` when set, else the one
 * in `<dataDir>/worker-token`, generated (32 random bytes, mode 0600) on first start so a fresh
 * install needs no setup. Copy it to the machines that run `pnpm worker`.
 */
export function loadWorkerToken(dataDir: string, fromEnv: string | undefined): string {
  if (fromEnv !== undefined && fromEnv !== '') {
    const parsed = workerTokenSchema.safeParse(fromEnv)
    if (!parsed.success) throw new Error(`STORYLOOM_WORKER_TOKEN: ${parsed.error.issues[0]?.message ?? 'invalid'}`)
    return parsed.data
  }
  const file = join(dataDir, WORKER_TOKEN_FILE)
  try {
    return workerTokenSchema.parse(readFileSync(file, 'utf8').trim())
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ENOENT') throw new Error(`${file} does not hold a valid worker token: delete it to make a new one`, { cause: error })
  }
  const token = randomBytes(32).toString('base64url')
  // 'wx': two servers starting on one data dir cannot both write it.
  try {
    writeFileSync(file, `${token}\n`, { mode: 0o600, flag: 'wx' })
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return loadWorkerToken(dataDir, undefined)
    throw error
  }
  return token
}

/** Compares a presented token with the expected one in constant time. */
export function tokenMatches(presented: string, expected: string): boolean {
  const a = Buffer.from(presented)
  const b = Buffer.from(expected)
  return a.length === b.length && timingSafeEqual(a, b)
}
