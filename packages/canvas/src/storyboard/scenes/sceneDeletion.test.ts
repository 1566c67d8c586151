import { describe, expect, it } from 'vitest'
import { buildSequence, type SequenceShot } from '@storyloom/shared/storyboard/sequence'
import { shotNumbers } from '@storyloom/shared/storyboard/numbering'
import { sceneDeletionWarning, shotsFreedByDeletingScene } from './sceneDeletion'

const scenes = [
  { id: 'scene:1', order: 'a1' },
  { id: 'scene:2', order: 'a2' },
]
const shot = (id: string, sceneId: string | null, order: string): SequenceShot => ({ id, sceneId, order })

/** The sequence after applying updates, as (id, number) pairs. */
function numbered(shots: SequenceShot[], remainingScenes = scenes) {
  const sequence = buildSequence(remainingScenes, shots)
  const numbers = shotNumbers(sequence, 'decimal')
  return sequence.entries.map((e) => [e.shot.id, numbers.get(e.shot.id)])
}

describe('deleting a scene', () => {
  it('keeps its shots, in their order, ahead of the shots in no scene', () => {
    const shots = [
      shot('a', 'scene:1', 'a1'),
      shot('b', 'scene:1', 'a2'),
      shot('c', 'scene:2', 'a1'),
      shot('loose', null, 'a1'),
    ]
    const updates = shotsFreedByDeletingScene(buildSequence(scenes, shots), 'scene:1')
    expect(updates.map((u) => [u.id, u.sceneId])).toEqual([
      ['a', null],
      ['b', null],
    ])
    const after = shots.map((s) => {
      const u = updates.find((x) => x.id === s.id)
      return u ? { ...s, sceneId: u.sceneId, order: u.order } : s
    })
    // The board still has a scene: the freed shots are numbered with the shots in no scene, under 0.
    expect(numbered(after, [scenes[1]!])).toEqual([
      ['c', '1.1'],
      ['a', '0.1'],
      ['b', '0.2'],
      ['loose', '0.3'],
    ])
  })

  it('changes nothing for an empty scene, and says so', () => {
    expect(shotsFreedByDeletingScene(buildSequence(scenes, []), 'scene:2')).toEqual([])
    expect(sceneDeletionWarning(0)).toBe('The scene has no shots.')
    expect(sceneDeletionWarning(3)).toContain('3 shots stay on the canvas')
  })
})
