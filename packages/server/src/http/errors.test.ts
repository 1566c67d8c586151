import { describe, expect, it } from 'vitest'
import { loggablePath } from './errors'

describe('loggablePath', () => {
  it('leaves review link tokens out of logged paths, and other paths as they are', () => {
    const token = 'x'.repeat(43)
    expect(loggablePath(`/api/review/${token}/assets/abc`)).toBe('/api/review/<token>/assets/abc')
    expect(loggablePath(`/api/review/${token}`)).toBe('/api/review/<token>')
    expect(loggablePath('/api/boards/b1/comments')).toBe('/api/boards/b1/comments')
  })
})
