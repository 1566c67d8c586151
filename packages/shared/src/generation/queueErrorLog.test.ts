import { describe, expect, it } from 'vitest'
import { queueErrorLog, QUEUE_ERROR_REPEAT_MS } from './queueErrorLog'

function connectError(code: string, port = 6379): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:${port}`), { code })
}

describe('queueErrorLog', () => {
  it('says a lost Redis connection once per reason and minute, in one line, not once per reconnect attempt', () => {
    const lines: unknown[] = []
    let now = 0
    const log = queueErrorLog('storyloom worker:', { write: (line) => lines.push(line), now: () => now, redisAt: 'redis://127.0.0.1:6379' })
    for (let i = 0; i < 500; i++) log(connectError('ECONNREFUSED'))
    expect(lines).toEqual(['storyloom worker: lost Redis at redis://127.0.0.1:6379 (connect ECONNREFUSED 127.0.0.1:6379), retrying (said again once a minute while it lasts)'])
    log(connectError('ETIMEDOUT'))
    expect(lines).toHaveLength(2)
    now += QUEUE_ERROR_REPEAT_MS
    log(connectError('ECONNREFUSED'))
    expect(lines).toHaveLength(3)
  })

  it('says once when Redis is back, and nothing on a connection that was never lost', () => {
    const lines: unknown[] = []
    const log = queueErrorLog('storyloom worker:', { write: (line) => lines.push(line), now: () => 0, redisAt: 'redis://gpu-host:6379' })
    log.connected()
    expect(lines).toEqual([])
    log(connectError('ECONNRESET'))
    log(connectError('ECONNREFUSED'))
    log.connected()
    log.connected() // its other connections come back too
    expect(lines.slice(2)).toEqual(['storyloom worker: Redis at redis://gpu-host:6379 is back'])
    // Lost again later: said again at once, as a new event.
    log(connectError('ECONNREFUSED'))
    expect(lines).toHaveLength(4)
    expect(lines[3]).toMatch(/^storyloom worker: lost Redis at redis:\/\/gpu-host:6379 /u)
  })

  it('before Redis ever answered, says it cannot be reached, then that it answers, not "lost" and "back"', () => {
    const lines: unknown[] = []
    const log = queueErrorLog('storyloom worker:', { write: (line) => lines.push(line), now: () => 0, redisAt: 'redis://gpu-host:6379', connectedBefore: false })
    log(connectError('ECONNREFUSED'))
    log.connected()
    expect(lines).toEqual([
      'storyloom worker: cannot reach Redis at redis://gpu-host:6379 (connect ECONNREFUSED 127.0.0.1:6379), retrying (said again once a minute while it lasts)',
      'storyloom worker: Redis at redis://gpu-host:6379 answers',
    ])
  })

  it('says a connection closed under a command in one line, without its stack', () => {
    const lines: unknown[][] = []
    const log = queueErrorLog('storyloom worker:', { write: (...args) => lines.push(args), now: () => 0, redisAt: 'redis://127.0.0.1:6379' })
    log(new Error('Connection is closed.'))
    log(Object.assign(new Error('LOADING Redis is loading the dataset in memory'), { name: 'ReplyError' }))
    expect(lines).toEqual([
      ['storyloom worker: lost Redis at redis://127.0.0.1:6379 (Connection is closed.), retrying (said again once a minute while it lasts)'],
      ['storyloom worker: lost Redis at redis://127.0.0.1:6379 (LOADING Redis is loading the dataset in memory), retrying (said again once a minute while it lasts)'],
    ])
  })

  it('logs other errors whole, every time', () => {
    const lines: unknown[][] = []
    const log = queueErrorLog('[generations]', { write: (...args) => lines.push(args), now: () => 0 })
    const bug = new TypeError('x is undefined')
    log(bug)
    log(bug)
    expect(lines).toEqual([['[generations]', bug], ['[generations]', bug]])
  })
})
