import { describe, expect, it } from 'vitest'
import { reviewMediaUrl } from './reviewMediaUrl'

describe('reviewMediaUrl', () => {
  it('sends the board\'s own assets through the review link, and leaves other URLs alone', () => {
    const hash = 'a'.repeat(64)
    expect(reviewMediaUrl(`/api/boards/B/assets/${hash}`, 'B', 'T')).toBe(`/api/review/T/assets/${hash}`)
    expect(reviewMediaUrl(`/api/boards/OTHER/assets/${hash}`, 'B', 'T')).toBe(`/api/boards/OTHER/assets/${hash}`)
    expect(reviewMediaUrl('https://example.com/a.png', 'B', 'T')).toBe('https://example.com/a.png')
  })
})
