import { describe, expect, it } from 'vitest'
import { byReadingOrder, formatShotNumber, NO_SCENE_NUMBER, shotLetters, shotNumbers } from './numbering'
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
    expect(formatShotNumber(NO_SCENE_NUMBER, 3, 'decimal')).toBe('0.3')
    expect(formatShotNumber(NO_SCENE_NUMBER, 3, 'letter')).toBe('0C')
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
      'shape:loose': '0.1',
    })
    expect(shotNumbers(sequence, 'letter').get('shape:b')).toBe('1B')
  })
})

describe('shots in no scene', () => {
  const scenes = [
    { id: 'scene:1', order: 'a1' },
    { id: 'scene:2', order: 'a2' },
  ]
  // Scene 1 has two shots, scene 2 one, and two shots are in no scene.
  const shots = [
    { id: 'shape:1a', sceneId: 'scene:1', order: 'a1' },
    { id: 'shape:1b', sceneId: 'scene:1', order: 'a2' },
    { id: 'shape:2a', sceneId: 'scene:2', order: 'a1' },
    { id: 'shape:x', sceneId: null, order: 'a1' },
    { id: 'shape:y', sceneId: null, order: 'a2' },
  ]

  it('are numbered under scene 0 on a board with scenes, in both styles', () => {
    const sequence = buildSequence(scenes, shots)
    expect([...shotNumbers(sequence, 'decimal').values()]).toEqual(['1.1', '1.2', '2.1', '0.1', '0.2'])
    expect([...shotNumbers(sequence, 'letter').values()]).toEqual(['1A', '1B', '2A', '0A', '0B'])
  })

  it('never read like a scene or a scene shot: no number is a bare scene number or repeats another', () => {
    // Ten scenes of twelve shots each, and twelve shots in no scene.
    const many = Array.from({ length: 10 }, (_, s) => ({ id: `scene:${s}`, order: `a${s}` }))
    const loose = Array.from({ length: 12 }, (_, i) => ({ id: `shape:loose${i}`, sceneId: null, order: `a${i.toString().padStart(2, '0')}` }))
    const scened = many.flatMap((scene, s) =>
      Array.from({ length: 12 }, (_, i) => ({ id: `shape:${s}-${i}`, sceneId: scene.id, order: `a${i.toString().padStart(2, '0')}` })),
    )
    const sequence = buildSequence(many, [...scened, ...loose])
    for (const style of ['decimal', 'letter'] as const) {
      const numbers = [...shotNumbers(sequence, style).values()]
      expect(new Set(numbers).size).toBe(numbers.length)
      expect(numbers.filter((n) => /^\d+$/.test(n))).toEqual([])
    }
  })

  it('do not change when a scene is added, and stay plain 1, 2, 3 on a board with no scenes', () => {
    expect([...shotNumbers(buildSequence([], shots.slice(3)), 'decimal').values()]).toEqual(['1', '2'])
    expect([...shotNumbers(buildSequence([], shots.slice(3)), 'letter').values()]).toEqual(['1', '2'])
    // A board whose only scene has no shots yet already numbers them under 0, as they will stay.
    const oneEmpty = shotNumbers(buildSequence(scenes.slice(0, 1), shots.slice(3)), 'decimal')
    const three = shotNumbers(buildSequence([...scenes, { id: 'scene:3', order: 'a3' }], shots), 'decimal')
    expect([oneEmpty.get('shape:x'), three.get('shape:x'), three.get('shape:y')]).toEqual(['0.1', '0.1', '0.2'])
  })
})

describe('sorting shots', () => {
  it('goes by reading order, not by the number labels (0.x, the shots in no scene, come last)', () => {
    const sequence = buildSequence(
      [{ id: 'scene:1', order: 'a1' }],
      [
        { id: 'shape:loose', sceneId: null, order: 'a1' },
        { id: 'shape:tenth', sceneId: 'scene:1', order: 'a9' },
        { id: 'shape:first', sceneId: 'scene:1', order: 'a1' },
      ],
    )
    const numbers = shotNumbers(sequence, 'decimal')
    const sorted = ['shape:gone', 'shape:loose', 'shape:tenth', 'shape:first'].sort(byReadingOrder(numbers))
    expect(sorted.map((id) => numbers.get(id) ?? 'none')).toEqual(['1.1', '1.2', '0.1', 'none'])
  })
})
