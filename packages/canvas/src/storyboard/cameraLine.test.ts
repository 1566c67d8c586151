import { describe, expect, it } from 'vitest'
import { cameraLine, formatDuration } from './cameraLine'

describe('camera line', () => {
  it('reads like a storyboard annotation, leaving out an unset lens', () => {
    expect(cameraLine({ shotSize: 'mcu', angle: 'low', lensMm: 50, movement: 'dolly-in' })).toBe(
      'MCU · Low angle · 50mm · Dolly in',
    )
    expect(cameraLine({ shotSize: 'ews', angle: 'eye-level', lensMm: null, movement: 'static' })).toBe(
      'EWS · Eye level · Static',
    )
  })

  it('shows durations in seconds without float noise', () => {
    expect(formatDuration(3)).toBe('3s')
    expect(formatDuration(0.1 + 0.2)).toBe('0.3s')
  })
})
