import { Redis } from 'ioredis'
import { workerSignalChannel } from '@storyloom/shared/generation/workerApi'
import { queueErrorLog, type QueueErrorLog } from '@storyloom/shared/generation/queueErrorLog'

/**
 * Listens to the workers' live signals (progress, previews) on Redis pub/sub and hands each
 * parsed message to `onSignal`. Pub/sub is fire-and-forget: a server that is down misses
 * previews, never results (those go over HTTP and the queue). Its connection errors go to
 * `log` (the queue's, so a lost Redis is said once for both).
 */
export async function subscribeWorkerSignals(
  redisUrl: string,
  prefix: string,
  onSignal: (raw: unknown) => void,
  log: QueueErrorLog = queueErrorLog('[generations] signal subscriber', { write: console.error }),
): Promise<{ close(): Promise<void> }> {
  const channel = workerSignalChannel(prefix)
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: null })
  redis.on('error', log)
  redis.on('ready', log.connected)
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
