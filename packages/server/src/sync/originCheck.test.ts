import type { IncomingMessage } from 'node:http'
import { describe, expect, it } from 'vitest'
import { isOriginAllowed } from './originCheck'

const request = (headers: Record<string, string>) => ({ headers }) as unknown as IncomingMessage

describe('isOriginAllowed', () => {
  it('allows no Origin, the same host, and listed origins only', () => {
    expect(isOriginAllowed(request({ host: 'board.example:5310' }), [])).toBe(true)
    expect(isOriginAllowed(request({ host: 'board.example:5310', origin: 'http://board.example:5310' }), [])).toBe(true)
    expect(isOriginAllowed(request({ host: 'board.example:5310', origin: 'http://board.example:5311' }), [])).toBe(false)
    expect(isOriginAllowed(request({ host: 'a.example', origin: 'https://Studio.example' }), ['https://studio.example/'])).toBe(true)
    expect(isOriginAllowed(request({ host: 'a.example', origin: 'null' }), [])).toBe(false)
  })
})
