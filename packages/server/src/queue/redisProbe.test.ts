import { Redis } from 'ioredis'
import { afterAll, describe, expect, it } from 'vitest'
import { appendOnlyFileEnabled, probeRedis } from './redisProbe'
import { redisForTests, testRedisUrl } from './testRedis'

describe('appendOnlyFileEnabled', () => {
  it('reads aof_enabled from INFO persistence, and says nothing when it is missing', () => {
    expect(appendOnlyFileEnabled('# Persistence\r\nloading:0\r\naof_enabled:0\r\naof_rewrite_in_progress:0\r\n')).toBe(false)
    expect(appendOnlyFileEnabled('# Persistence\r\naof_enabled:1\r\n')).toBe(true)
    expect(appendOnlyFileEnabled('')).toBeUndefined()
  })
})

const redisUp = await redisForTests('the append-only file check against a real Redis')

// A starting server asks once: the probe that it answers also says whether it keeps an AOF.
describe.skipIf(!redisUp)('probeRedis', () => {
  const admin = new Redis(testRedisUrl, { lazyConnect: true })
  afterAll(() => admin.disconnect())

  it('says, on the same connection, whether the running Redis keeps an append-only file', async () => {
    const [, appendonly] = (await admin.config('GET', 'appendonly')) as [string, string]
    expect(await probeRedis(testRedisUrl)).toEqual({ answers: true, appendOnlyFile: appendonly === 'yes' })
  })

  it('does not answer, and cannot tell about the file, for a Redis that is not there', async () => {
    expect(await probeRedis('redis://127.0.0.1:1', 300)).toEqual({ answers: false, refusal: undefined })
  })
})
