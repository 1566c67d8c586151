import { describe, expect, it } from 'vitest'
import { cameraLine } from './cameraLine'

describe('camera line', () => {
  it('reads like a storyboard annotation, leaving out an unset lens', () => {
    expect(cameraLine({ shotSize: 'mcu', angle: 'low', lensMm: 50, movement: 'dolly-in' })).toBe(
      'MCU · Low angle · 50mm · Dolly in',
    )
    expect(cameraLine({ shotSize: 'ews', angle: 'eye-level', lensMm: null, movement: 'static' })).toBe(
      'EWS · Eye level · Static',
    )
  })
})
