import { describe, expect, it } from 'vitest'
import type { ShotBox } from './reorderSlots'
import { sceneRowsAfterCollision, type SceneOnCanvas } from './sceneRowCollisions'
import { NEW_SHOT_GAP, SCENE_ROW_GAP } from './shotPlacementOnCanvas'

const pitch = 320 + NEW_SHOT_GAP
const box = (id: string, slot: number, y: number): ShotBox => ({ id, x: slot * pitch, y, w: 320, h: 240 })
const row = (id: string, y: number, count: number): SceneOnCanvas => ({
  id,
  shots: Array.from({ length: count }, (_, i) => box(`${id}${i + 1}`, i, y)),
})
const below = (y: number) => y + 240 + SCENE_ROW_GAP

/** Applies `moves` to `scenes`, as the repair writes them. */
const apply = (scenes: SceneOnCanvas[], moves: Map<string, { x: number; y: number }> | null) =>
  scenes.map((scene) => ({ ...scene, shots: scene.shots.map((shot) => ({ ...shot, ...moves?.get(shot.id) })) }))

describe('sceneRowsAfterCollision', () => {
  // Scene 1 at the top; Ada's "Roof" and Ben's "Alley", each added while the other was offline,
  // both started their row below scene 1.
  const board = [row('one', 0, 3), row('roof', below(0), 2), row('alley', below(0), 2)]

  it('moves the later of two scenes added at once below the other, the same whichever client repairs', () => {
    const onAdas = sceneRowsAfterCollision(board, new Set(['alley']))
    const onBens = sceneRowsAfterCollision(board, new Set(['roof']))
    const y = below(below(0))
    expect(Object.fromEntries(onAdas!)).toEqual({ alley1: { x: 0, y }, alley2: { x: pitch, y } })
    expect(onBens).toEqual(onAdas)
  })

  it('finds nothing more to do once repaired, so two clients repairing at once do not fight', () => {
    const repaired = apply(board, sceneRowsAfterCollision(board, new Set(['alley'])))
    expect(sceneRowsAfterCollision(repaired, new Set(['alley', 'roof']))).toBeNull()
  })

  it('moves the scene further down past another scene it would land on', () => {
    const scenes = [row('one', 0, 1), row('roof', below(0), 1), row('alley', below(0), 1), row('end', below(below(0)), 1)]
    const moves = sceneRowsAfterCollision(scenes, new Set(['alley']))
    expect(Object.fromEntries(moves!)).toEqual({ alley1: { x: 0, y: below(below(below(0))) } })
  })

  it('leaves scenes alone that do not cover each other, or that no collaborator’s change reached', () => {
    expect(sceneRowsAfterCollision([row('one', 0, 2), row('two', below(0), 2)], new Set(['two']))).toBeNull()
    // Someone placed two scenes over each other by hand; a change to a third does not move them.
    expect(sceneRowsAfterCollision([row('one', 0, 2), row('two', 0, 2), row('three', below(0), 1)], new Set(['three']))).toBeNull()
  })
})
