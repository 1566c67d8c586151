import { describe, expect, it } from 'vitest'
import { editRate, editTimecode, recordFrame, recordTimecode } from './editRate'

describe('editRate and editTimecode', () => {
  it('counts non-drop-frame timecode at 24, 25 and 30 fps', () => {
    expect(editTimecode(24 * 61 + 5, editRate(24))).toBe('00:01:01:05')
    expect(editTimecode(25 * 3600 + 24, editRate(25))).toBe('01:00:00:24')
    expect(editTimecode(30 * 59 + 29, editRate(30))).toBe('00:00:59:29')
  })

  it('writes 29.97 and 23.976 as their whole timebase with the NTSC flag, counting frames NDF at that timebase', () => {
    expect(editRate(29.97)).toMatchObject({ timebase: 30, ntsc: true })
    expect(editRate(30000 / 1001).fps).toBeCloseTo(29.97, 2)
    expect(editRate(23.976)).toMatchObject({ timebase: 24, ntsc: true })
    // NDF: 1800 frames are 00:01:00:00 at 29.97 (a minute of timecode, a little more of clock time).
    expect(editTimecode(1800, editRate(29.97))).toBe('00:01:00:00')
    expect(editTimecode(recordFrame(31, editRate(29.97)), editRate(29.97))).toBe('01:00:01:01')
  })

  it('starts the record side at 01:00:00:00', () => {
    expect(editTimecode(recordFrame(0, editRate(25)), editRate(25))).toBe('01:00:00:00')
    expect(recordFrame(12, editRate(24))).toBe(86_412)
  })

  it('gives the record timecode of each frame of the edit, a frame on per index', () => {
    expect(recordTimecode(0, editRate(24))).toBe('01:00:00:00')
    expect(recordTimecode(23, editRate(24))).toBe('01:00:00:23')
    expect(recordTimecode(24, editRate(24))).toBe('01:00:01:00')
    expect(recordTimecode(24, editRate(25))).toBe('01:00:00:24')
    expect(recordTimecode(25, editRate(25))).toBe('01:00:01:00')
    expect(recordTimecode(29, editRate(30))).toBe('01:00:00:29')
    expect(recordTimecode(30 * 60 + 30, editRate(30))).toBe('01:01:01:00')
  })

  it('refuses a rate that is neither whole nor NTSC', () => {
    expect(() => editRate(27.5)).toThrow(RangeError)
    expect(() => editRate(0)).toThrow(RangeError)
  })
})
