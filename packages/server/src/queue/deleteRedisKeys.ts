import { Redis } from 'ioredis'

/**
 * Deletes every key under `prefix:`: what a test's own queue prefix left in a shared Redis (BullMQ's
 * queues, Storyloom's cancel set, idempotency keys, board indexes). For tests and benchmarks.
 */
export async function deleteRedisKeys(redisUrl: string, prefix: string): Promise<void> {
  const redis = new Redis(redisUrl)
  try {
    let cursor = '0'
    do {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${prefix}:*`, 'COUNT', 1000)
      if (keys.length > 0) await redis.del(...keys)
      cursor = next
    } while (cursor !== '0')
  } finally {
    await redis.quit().catch(() => redis.disconnect())
  }
}
