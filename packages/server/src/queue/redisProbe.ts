import { Redis } from 'ioredis'

/**
 * True when Redis at `url` answers a PING within `timeoutMs` (a starting server refuses to start
 * without it, and tests skip cleanly). The deadline covers the whole exchange: a port that accepts connections but never
 * speaks Redis (another service, a stuck server) is "not answering", not a hung test run.
 */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    // The ready check (INFO) would wait on a silent peer with no deadline of its own.
    enableReadyCheck: false,
    commandTimeout: timeoutMs,
    retryStrategy: () => null,
  })
  probe.on('error', () => undefined)
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  const ping = (async () => {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  })().catch(() => false)
  try {
    return await Promise.race([ping, deadline])
  } finally {
    clearTimeout(timer)
    probe.disconnect()
  }
}
