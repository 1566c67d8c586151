import { describe, expect, it } from 'vitest'
import { parseByteRange } from './byteRange'

describe('parseByteRange', () => {
  it('reads a closed, an open and a suffix range', () => {
    expect(parseByteRange('bytes=0-99', 1000)).toEqual({ start: 0, end: 99 })
    expect(parseByteRange('bytes=500-', 1000)).toEqual({ start: 500, end: 999 })
    expect(parseByteRange('bytes=-100', 1000)).toEqual({ start: 900, end: 999 })
  })

  it('clamps to the end of the file', () => {
    expect(parseByteRange('bytes=900-5000', 1000)).toEqual({ start: 900, end: 999 })
    expect(parseByteRange('bytes=-5000', 1000)).toEqual({ start: 0, end: 999 })
  })

  it('sends the whole file for no, several or unknown ranges', () => {
    expect(parseByteRange(undefined, 1000)).toBeUndefined()
    expect(parseByteRange('bytes=0-1,5-6', 1000)).toBeUndefined()
    expect(parseByteRange('items=0-1', 1000)).toBeUndefined()
    expect(parseByteRange('bytes=-', 1000)).toBeUndefined()
    expect(parseByteRange('bytes=20-10', 1000)).toBeUndefined()
  })

  it('refuses a range past the end', () => {
    expect(parseByteRange('bytes=1000-', 1000)).toBe('unsatisfiable')
    expect(parseByteRange('bytes=-0', 1000)).toBe('unsatisfiable')
  })
})
