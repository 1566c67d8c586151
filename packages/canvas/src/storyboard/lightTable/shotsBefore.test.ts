import { describe, expect, it } from 'vitest'
import { buildSequence, type SequenceScene, type SequenceShot } from '@storyloom/shared/storyboard/sequence'
import { shotsBefore } from './shotsBefore'

const scene = (id: string, order: string): SequenceScene => ({ id, order })
const shot = (id: string, sceneId: string | null, order: string): SequenceShot => ({ id, sceneId, order })

describe('the shot before each shot, for the light table', () => {
  it('is the shot before it in its scene, in sequence order (not the order the records come in)', () => {
    const sequence = buildSequence([scene('s1', 'a1')], [shot('c', 's1', 'a3'), shot('a', 's1', 'a1'), shot('b', 's1', 'a2')])
    const before = shotsBefore(sequence)
    expect(before.get('b')).toBe('a')
    expect(before.get('c')).toBe('b')
  })

  it('is none for the first shot of the board', () => {
    const sequence = buildSequence([scene('s1', 'a1')], [shot('a', 's1', 'a1'), shot('b', 's1', 'a2')])
    expect(shotsBefore(sequence).has('a')).toBe(false)
  })

  it('is none for the first shot of a scene: a scene starts afresh, the last shot of the scene before is not traced', () => {
    const sequence = buildSequence(
      [scene('s2', 'a2'), scene('s1', 'a1')],
      [shot('a', 's1', 'a1'), shot('b', 's1', 'a2'), shot('c', 's2', 'a1'), shot('d', 's2', 'a2')],
    )
    const before = shotsBefore(sequence)
    expect(before.has('c')).toBe(false)
    expect(before.get('d')).toBe('c')
    expect(before.get('b')).toBe('a')
  })

  it('chains the shots in No scene among themselves, after the scenes, never to a scene’s last shot', () => {
    const sequence = buildSequence(
      [scene('s1', 'a1')],
      [shot('x', null, 'a1'), shot('a', 's1', 'a1'), shot('y', null, 'a2'), shot('lost', 'gone', 'a3')],
    )
    const before = shotsBefore(sequence)
    expect(before.has('x')).toBe(false)
    expect(before.get('y')).toBe('x')
    // A shot whose scene was deleted reads as in No scene.
    expect(before.get('lost')).toBe('y')
    expect(before.has('a')).toBe(false)
  })

  it('follows a reorder', () => {
    const shots = [shot('a', null, 'a1'), shot('b', null, 'a2')]
    expect(shotsBefore(buildSequence([], shots)).get('b')).toBe('a')
    const reordered = shotsBefore(buildSequence([], [shot('a', null, 'a3'), shots[1]!]))
    expect(reordered.get('a')).toBe('b')
    expect(reordered.has('b')).toBe(false)
  })
})
