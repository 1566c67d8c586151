import { Redis } from 'ioredis'
import { workerSignalChannel } from '@storyloom/shared/generation/workerApi'
import { queueErrorLog } from '@storyloom/shared/generation/queueErrorLog'

/**
 * Listens to the workers' live signals (progress, previews) on Redis pub/sub and hands each
 * parsed message to `onSignal`. Pub/sub is fire-and-forget: a server that is down misses
 * previews, never results (those go over HTTP and the queue).
 */
export async function subscribeWorkerSignals(redisUrl: string, prefix: string, onSignal: (raw: unknown) => void): Promise<{ close(): Promise<void> }> {
  const channel = workerSignalChannel(prefix)
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null })
  redis.on('error', queueErrorLog('[generations] signal subscriber', { write: console.error }))
  redis.on('message', (from, message) => {
    if (from !== channel) return
    try {
      onSignal(JSON.parse(message))
    } catch {
      console.warn('[generations] dropped a worker signal that is not JSON')
    }
  })
  await redis.subscribe(channel)
  return {
    async close() {
      await redis.quit().catch(() => redis.disconnect())
    },
  }
}
