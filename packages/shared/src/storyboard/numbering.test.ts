import { describe, expect, it } from 'vitest'
import { formatShotNumber, shotLetters, shotNumbers } from './numbering'
import { buildSequence } from './sequence'

describe('shot letters', () => {
  it('counts like spreadsheet columns past Z', () => {
    expect([1, 2, 26, 27, 28, 52, 53, 702, 703, 18278].map(shotLetters)).toEqual([
      'A',
      'B',
      'Z',
      'AA',
      'AB',
      'AZ',
      'BA',
      'ZZ',
      'AAA',
      'ZZZ',
    ])
  })

  it('refuses numbers that are not shot numbers', () => {
    for (const n of [0, -1, 1.5, Number.NaN]) expect(() => shotLetters(n)).toThrow(RangeError)
  })
})

describe('shot numbers', () => {
  it('reads 3.2 in the decimal style and 3B in the letter style', () => {
    expect(formatShotNumber(3, 2, 'decimal')).toBe('3.2')
    expect(formatShotNumber(3, 2, 'letter')).toBe('3B')
    expect(formatShotNumber(12, 28, 'letter')).toBe('12AB')
    expect(formatShotNumber(null, 3, 'decimal')).toBe('3')
    expect(formatShotNumber(null, 3, 'letter')).toBe('3')
  })

  it('numbers a board by reading order, restarting in each scene', () => {
    const sequence = buildSequence(
      [
        { id: 'scene:2', order: 'a2' },
        { id: 'scene:1', order: 'a1' },
      ],
      [
        { id: 'shape:y', sceneId: 'scene:2', order: 'a1' },
        { id: 'shape:b', sceneId: 'scene:1', order: 'a2' },
        { id: 'shape:a', sceneId: 'scene:1', order: 'a1' },
        { id: 'shape:loose', sceneId: null, order: 'a1' },
      ],
    )
    expect(Object.fromEntries(shotNumbers(sequence, 'decimal'))).toEqual({
      'shape:a': '1.1',
      'shape:b': '1.2',
      'shape:y': '2.1',
      'shape:loose': '1',
    })
    expect(shotNumbers(sequence, 'letter').get('shape:b')).toBe('1B')
  })
})
