import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { appendOnlyFileEnabled, redisKeepsAppendOnlyFile } from './redisProbe'
import { redisForTests, testRedisUrl } from './testRedis'

describe('appendOnlyFileEnabled', () => {
  it('reads aof_enabled from INFO persistence, and says nothing when it is missing', () => {
    expect(appendOnlyFileEnabled('# Persistence\r\nloading:0\r\naof_enabled:0\r\naof_rewrite_in_progress:0\r\n')).toBe(false)
    expect(appendOnlyFileEnabled('# Persistence\r\naof_enabled:1\r\n')).toBe(true)
    expect(appendOnlyFileEnabled('')).toBeUndefined()
  })
})

const redisUp = await redisForTests('the append-only file check against a real Redis')

describe.skipIf(!redisUp)('redisKeepsAppendOnlyFile', () => {
  const admin = new Redis(testRedisUrl, { lazyConnect: true })
  afterAll(() => admin.disconnect())

  it('says what the running Redis is configured with', async () => {
    const [, appendonly] = (await admin.config('GET', 'appendonly')) as [string, string]
    expect(await redisKeepsAppendOnlyFile(testRedisUrl)).toBe(appendonly === 'yes')
  })

  it('cannot tell for a Redis that does not answer', async () => {
    expect(await redisKeepsAppendOnlyFile('redis://127.0.0.1:1', 300)).toBeUndefined()
  })
})
