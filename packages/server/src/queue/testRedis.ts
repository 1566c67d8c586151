import { redisAnswers } from './redisProbe'

/** The Redis that tests (and e2e setups) use: `REDIS_URL`, else the local default. */
export const testRedisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379'

/** True under CI: `CI` set to anything but empty, `false` or `0` (as CI services set it). */
export function underCi(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = env.CI?.trim().toLowerCase()
  return value !== undefined && value !== '' && value !== 'false' && value !== '0'
}

/** Thrown under CI when tests need Redis and none answers: a skip there would pass unnoticed. */
export class RedisRequiredError extends Error {
  override readonly name = 'RedisRequiredError'
}

export type TestRedisOptions = { url?: string; env?: NodeJS.ProcessEnv }

/**
 * Why the tests described by `needs` cannot run: undefined when Redis at `url` answers. When it
 * does not, under CI this throws {@link RedisRequiredError}; elsewhere it returns the reason to
 * skip with, so a contributor without Redis still runs every other test.
 */
export async function redisSkipReason(needs: string, { url = testRedisUrl, env = process.env }: TestRedisOptions = {}): Promise<string | undefined> {
  if (await redisAnswers(url)) return undefined
  const reason = `${needs} skipped: Redis does not answer at ${url} (start redis-server or set REDIS_URL)`
  if (underCi(env)) throw new RedisRequiredError(`${needs} need Redis, which does not answer at ${url}; CI is set, so this fails instead of skipping`)
  return reason
}

/**
 * For a vitest file's `describe.skipIf(!redisUp)`: true when Redis answers; false, after a
 * console warning saying why, when the file's Redis tests should skip; throws under CI (see
 * {@link redisSkipReason}), which fails the file.
 */
export async function redisForTests(needs: string, options: TestRedisOptions = {}): Promise<boolean> {
  const reason = await redisSkipReason(needs, options)
  if (reason !== undefined) console.warn(reason)
  return reason === undefined
}
