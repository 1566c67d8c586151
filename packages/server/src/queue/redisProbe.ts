import { Redis } from 'ioredis'

/**
 * What a probe of Redis found: it answers (and whether it keeps an append-only file, see
 * {@link appendOnlyFileEnabled}); or it answered but refused this client (a wrong password, a
 * user it does not know, a database number it does not have), with Redis's own words; or
 * nothing answered in time.
 */
export type RedisProbe = { answers: true; appendOnlyFile: boolean | undefined } | { answers: false; refusal: string | undefined }

/**
 * Probes Redis at `url` with a PING within `timeoutMs` (a starting server refuses to start
 * without it, and tests skip cleanly), then asks it on the same connection whether it keeps an
 * append-only file (`INFO persistence`; a Redis that hides INFO leaves it `undefined`). The
 * deadline covers the whole exchange: a port that accepts connections but never speaks Redis
 * (another service, a stuck server) is "not answering", not a hung test run. A reply error while connecting (ioredis sends HELLO/AUTH and
 * SELECT itself, and reports their errors only as events) is a refusal: ioredis goes on after a
 * failed SELECT, so PING alone would answer in the wrong database.
 */
export async function probeRedis(url: string, timeoutMs = 1000): Promise<RedisProbe> {
  const probe = new Redis(url, {
    lazyConnect: true,
    maxRetriesPerRequest: 0,
    connectTimeout: timeoutMs,
    // The ready check (INFO) would wait on a silent peer with no deadline of its own.
    enableReadyCheck: false,
    commandTimeout: timeoutMs,
    retryStrategy: () => null,
  })
  let refusal: string | undefined
  // Only the message: the error's `command` holds the AUTH arguments, the password among them.
  probe.on('error', (error: Error) => {
    if (error.name === 'ReplyError') refusal ??= error.message
  })
  let timer: NodeJS.Timeout | undefined
  const deadline = new Promise<false>((resolve) => {
    timer = setTimeout(() => resolve(false), timeoutMs)
  })
  const ping = (async () => {
    await probe.connect()
    return (await probe.ping()) === 'PONG'
  })().catch(() => false)
  try {
    const ponged = await Promise.race([ping, deadline])
    if (!ponged || refusal !== undefined) return { answers: false, refusal }
    const appendOnlyFile = await Promise.race([probe.info('persistence').then(appendOnlyFileEnabled, () => undefined), deadline.then(() => undefined)])
    return { answers: true, appendOnlyFile }
  } finally {
    clearTimeout(timer)
    probe.disconnect()
  }
}

/** True when Redis at `url` answers a PING within `timeoutMs` and accepts this client (see {@link probeRedis}). */
export async function redisAnswers(url: string, timeoutMs = 1000): Promise<boolean> {
  return (await probeRedis(url, timeoutMs)).answers
}

/**
 * Whether Redis keeps an append-only file, from `INFO persistence` (`aof_enabled`): the queue's
 * jobs live only in Redis, so without one a Redis restart loses every queued and running
 * generation (RDB snapshots alone lose those since the last one). `undefined` when the reply
 * does not say (a Redis that hides INFO).
 */
export function appendOnlyFileEnabled(infoPersistence: string): boolean | undefined {
  const match = /^aof_enabled:(\d)\s*$/mu.exec(infoPersistence)
  return match ? match[1] === '1' : undefined
}
