import { describe, expect, it } from 'vitest'
import { relativeTime } from './relativeTime'

const now = new Date('2025-06-15T12:00:00Z')
const ago = (seconds: number) => new Date(now.getTime() - seconds * 1000).toISOString()

describe('relativeTime', () => {
  it('reads like a person would say it', () => {
    expect(relativeTime(ago(10), now, 'en')).toBe('just now')
    expect(relativeTime(ago(5 * 60), now, 'en')).toBe('5 minutes ago')
    expect(relativeTime(ago(3 * 3600), now, 'en')).toBe('3 hours ago')
    expect(relativeTime(ago(26 * 3600), now, 'en')).toBe('yesterday')
  })

  it('gives the date for anything older than a week', () => {
    expect(relativeTime('2025-03-02T10:00:00Z', now, 'en-GB')).toBe('2 Mar')
    expect(relativeTime('2024-03-02T10:00:00Z', now, 'en-GB')).toBe('2 Mar 2024')
  })
})
