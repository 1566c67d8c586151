import { describe, expect, it } from 'vitest'
import { queueErrorLog, QUEUE_ERROR_REPEAT_MS } from './queueErrorLog'

function connectError(code: string, port = 6379): Error {
  return Object.assign(new Error(`connect ${code} 127.0.0.1:${port}`), { code })
}

describe('queueErrorLog', () => {
  it('says a lost Redis connection once per reason and minute, in one line, not once per reconnect attempt', () => {
    const lines: unknown[] = []
    let now = 0
    const log = queueErrorLog('[worker queue]', { write: (line) => lines.push(line), now: () => now })
    for (let i = 0; i < 500; i++) log(connectError('ECONNREFUSED'))
    expect(lines).toEqual(['[worker queue] Redis: connect ECONNREFUSED 127.0.0.1:6379 (trying again; said once a minute while it lasts)'])
    log(connectError('ETIMEDOUT'))
    expect(lines).toHaveLength(2)
    now += QUEUE_ERROR_REPEAT_MS
    log(connectError('ECONNREFUSED'))
    expect(lines).toHaveLength(3)
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
