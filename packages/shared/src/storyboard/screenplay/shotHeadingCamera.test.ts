import { describe, expect, it } from 'vitest'
import { cameraFromShotHeading, isShotHeadingLine } from './shotHeadingCamera'

describe('cameraFromShotHeading', () => {
  it('reads the shot size a heading names, the most specific first', () => {
    const sizes = Object.fromEntries(
      [
        'CLOSE ON MARY',
        'EXTREME CLOSE-UP - THE KEY',
        'MEDIUM CLOSE ON TOM',
        'WIDE - THE HARBOUR',
        'EXTREME WIDE SHOT OF THE VALLEY',
        'ESTABLISHING - LIGHTHOUSE',
        'MEDIUM WIDE ON THE CROWD',
        'TWO-SHOT - MARY AND TOM',
        'OVER THE SHOULDER - TOM',
        "MARY'S POV",
        'INSERT - THE LETTER',
        'MEDIUM ON BOB',
        'ANGLE ON MS. JONES',
      ].map((heading) => [heading, cameraFromShotHeading(heading).shotSize]),
    )
    expect(sizes).toEqual({
      'CLOSE ON MARY': 'cu',
      'EXTREME CLOSE-UP - THE KEY': 'ecu',
      'MEDIUM CLOSE ON TOM': 'mcu',
      'WIDE - THE HARBOUR': 'ws',
      'EXTREME WIDE SHOT OF THE VALLEY': 'ews',
      'ESTABLISHING - LIGHTHOUSE': 'ews',
      'MEDIUM WIDE ON THE CROWD': 'mws',
      'TWO-SHOT - MARY AND TOM': 'two-shot',
      'OVER THE SHOULDER - TOM': 'ots',
      "MARY'S POV": 'pov',
      'INSERT - THE LETTER': 'insert',
      'MEDIUM ON BOB': 'ms',
      'ANGLE ON MS. JONES': undefined,
    })
  })

  it('reads the angle too, and names nothing it does not see', () => {
    expect(cameraFromShotHeading('Low angle on the tower')).toEqual({ angle: 'low' })
    expect(cameraFromShotHeading('HIGH ANGLE - WIDE ON THE SQUARE')).toEqual({ shotSize: 'ws', angle: 'high' })
    expect(cameraFromShotHeading('BIRD’S EYE VIEW OF THE MAZE')).toEqual({ angle: 'overhead' })
    expect(cameraFromShotHeading('DUTCH ANGLE, CLOSE ON THE CLOCK')).toEqual({ shotSize: 'cu', angle: 'dutch' })
    expect(cameraFromShotHeading('BACK TO SCENE')).toEqual({})
  })
})

describe('isShotHeadingLine', () => {
  it('takes one line in capitals that opens with how the camera frames it', () => {
    for (const line of ['CLOSE ON THE LETTER.', 'ANGLE ON BOB', 'INSERT - THE MAP', 'POV - MARY', 'WIDE ON THE HARBOUR', 'LOW ANGLE ON THE TOWER']) {
      expect(isShotHeadingLine(line), line).toBe(true)
    }
    for (const line of ['Close on the letter.', 'MS. JONES ENTERS.', 'CLOSE ON THE LETTER.\nShe reads it.', 'WIDEN THE GAP', 'THE DOOR OPENS.', '...']) {
      expect(isShotHeadingLine(line), line).toBe(false)
    }
  })
})
