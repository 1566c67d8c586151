import { createServer, type Server, type Socket } from 'node:net'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { redisForTests, RedisRequiredError, redisSkipReason, underCi } from './testRedis'

const servers: Server[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(servers.splice(0).map((server) => new Promise((resolve) => server.close(resolve))))
})

/** Listens on 127.0.0.1 port 0 with `onSocket` and returns its redis:// URL. */
async function listen(onSocket: (socket: Socket) => void): Promise<string> {
  const server = createServer((socket) => {
    socket.on('error', () => undefined)
    onSocket(socket)
  })
  servers.push(server)
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  const address = server.address()
  if (typeof address !== 'object' || !address) throw new Error('no port')
  return `redis://127.0.0.1:${address.port}`
}

/** A port on which nothing listens: one that was free a moment ago. */
async function closedPortUrl(): Promise<string> {
  const url = await listen(() => undefined)
  await new Promise((resolve) => servers.pop()!.close(resolve))
  return url
}

/** Just enough of Redis to answer PING (and +OK to anything else), one reply per command. */
function fakeRedis(socket: Socket): void {
  let pending = ''
  socket.on('data', (chunk) => {
    pending += chunk.toString('latin1')
    // A command is an array of bulk strings: *N, then N times $len and the value.
    for (;;) {
      const lines = pending.split('\r\n')
      const count = Number(lines[0]?.slice(1))
      if (!lines[0]?.startsWith('*') || lines.length < 2 + 2 * count) return
      socket.write(lines[2]?.toUpperCase() === 'PING' ? '+PONG\r\n' : '+OK\r\n')
      pending = lines.slice(1 + 2 * count).join('\r\n')
    }
  })
}

describe('redisSkipReason', () => {
  it('fails under CI when nothing listens, naming the URL', async () => {
    const url = await closedPortUrl()
    const checked = redisSkipReason('the queue tests', { url, env: { CI: 'true' } })
    await expect(checked).rejects.toThrow(RedisRequiredError)
    await expect(checked).rejects.toThrow(`the queue tests need Redis, which does not answer at ${url}; CI is set`)
  })

  it('outside CI gives the reason to skip instead', async () => {
    const url = await closedPortUrl()
    for (const env of [{}, { CI: 'false' }, { CI: '' }]) {
      expect(await redisSkipReason('the queue tests', { url, env })).toBe(
        `the queue tests skipped: Redis does not answer at ${url} (start redis-server or set REDIS_URL)`,
      )
    }
  })

  it('treats a port that accepts but never answers as no Redis, within its deadline', async () => {
    // Reads (so the probe's hang-up is seen and the socket closes) and never writes.
    const url = await listen((socket) => socket.resume())
    const started = Date.now()
    await expect(redisSkipReason('the queue tests', { url, env: { CI: '1' } })).rejects.toThrow(RedisRequiredError)
    expect(Date.now() - started).toBeLessThan(10_000)
  })

  it('treats another protocol on the port as no Redis', async () => {
    const url = await listen((socket) => socket.on('data', () => socket.end('HTTP/1.1 400 Bad Request\r\n\r\n')))
    expect(await redisSkipReason('the queue tests', { url, env: {} })).toContain('does not answer')
  })

  it('lets the tests run, under CI too, when Redis answers PING', async () => {
    const url = await listen(fakeRedis)
    expect(await redisSkipReason('the queue tests', { url, env: { CI: 'true' } })).toBeUndefined()
  })
})

describe('redisForTests', () => {
  it('warns with the reason and says skip when nothing answers outside CI', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    const url = await closedPortUrl()
    expect(await redisForTests('the queue tests', { url, env: {} })).toBe(false)
    expect(warn).toHaveBeenCalledWith(expect.stringContaining(`the queue tests skipped: Redis does not answer at ${url}`))
  })

  it('says run, without a warning, when Redis answers', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined)
    expect(await redisForTests('the queue tests', { url: await listen(fakeRedis), env: {} })).toBe(true)
    expect(warn).not.toHaveBeenCalled()
  })
})

describe('underCi', () => {
  it('reads CI as CI services set it', () => {
    expect([{ CI: 'true' }, { CI: '1' }, { CI: 'TRUE' }, { CI: 'woodpecker' }].map(underCi)).toEqual([true, true, true, true])
    expect([{}, { CI: '' }, { CI: 'false' }, { CI: '0' }].map(underCi)).toEqual([false, false, false, false])
  })
})
