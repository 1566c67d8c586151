import { describe, expect, it } from 'vitest'
import { T } from '@tldraw/validate'
import {
  SequenceError,
  buildSequence,
  compareOrderKeys,
  insertShot,
  newSceneOrder,
  newShotPlacement,
  placeScene,
  placeShots,
  shotsOfScene,
  stepShot,
} from './sequence'
import type { SceneOrderUpdate, SequenceScene, SequenceShot, ShotOrderUpdate } from './sequence'

const scene = (id: string, order: string): SequenceScene => ({ id, order })
const shot = (id: string, sceneId: string | null, order: string): SequenceShot => ({ id, sceneId, order })
const idsOf = (scenes: readonly SequenceScene[], shots: readonly SequenceShot[]) =>
  buildSequence(scenes, shots).entries.map((e) => e.shot.id)
function applyShots(shots: SequenceShot[], updates: ShotOrderUpdate[]): SequenceShot[] {
  return shots.map((s) => {
    const u = updates.find((x) => x.id === s.id)
    return u ? { ...s, sceneId: u.sceneId, order: u.order } : s
  })
}
function applyScenes(scenes: SequenceScene[], updates: SceneOrderUpdate[]): SequenceScene[] {
  return scenes.map((s) => ({ ...s, ...updates.find((u) => u.id === s.id) }))
}

const scenes = [scene('scene:2', 'a2'), scene('scene:1', 'a1')]
const board = [
  shot('shape:c', 'scene:1', 'a3'),
  shot('shape:a', 'scene:1', 'a1'),
  shot('shape:b', 'scene:1', 'a2'),
  shot('shape:d', 'scene:2', 'a1'),
  shot('shape:e', 'scene:2', 'a2'),
]

describe('reading order', () => {
  it('reads scenes in order, then each scene’s shots in order, whatever the input order', () => {
    const sequence = buildSequence(scenes, board)
    expect(sequence.scenes.map((s) => s.id)).toEqual(['scene:1', 'scene:2'])
    expect(sequence.entries.map((e) => [e.shot.id, e.sceneNumber, e.shotNumber, e.position])).toEqual([
      ['shape:a', 1, 1, 0],
      ['shape:b', 1, 2, 1],
      ['shape:c', 1, 3, 2],
      ['shape:d', 2, 1, 3],
      ['shape:e', 2, 2, 4],
    ])
  })

  it('compares keys by code unit, as fractional indices are generated, not by locale', () => {
    // localeCompare would put "a1b" before "a1V".
    expect(compareOrderKeys('a1V', 'a1b')).toBeLessThan(0)
    expect(idsOf([scene('scene:1', 'a1')], [shot('shape:x', 'scene:1', 'a1b'), shot('shape:y', 'scene:1', 'a1V')])).toEqual([
      'shape:y',
      'shape:x',
    ])
  })

  it('breaks ties between equal keys by id, so every screen agrees', () => {
    const tied = [shot('shape:z', 'scene:1', 'a1'), shot('shape:m', 'scene:1', 'a1'), shot('shape:q', 'scene:1', 'a1')]
    expect(idsOf(scenes, tied)).toEqual(['shape:m', 'shape:q', 'shape:z'])
    expect(idsOf(scenes, [...tied].reverse())).toEqual(['shape:m', 'shape:q', 'shape:z'])
    const tiedScenes = [scene('scene:b', 'a1'), scene('scene:a', 'a1')]
    expect(buildSequence(tiedScenes, []).scenes.map((s) => s.id)).toEqual(['scene:a', 'scene:b'])
  })

  it('puts unassigned shots, and shots of deleted scenes, after every scene', () => {
    const sequence = buildSequence(
      [scene('scene:1', 'a1'), scene('scene:empty', 'a2')],
      [shot('shape:loose', null, 'a0'), shot('shape:orphan', 'scene:deleted', 'a1'), shot('shape:in', 'scene:1', 'a5')],
    )
    expect(sequence.entries.map((e) => [e.shot.id, e.sceneNumber, e.shotNumber])).toEqual([
      ['shape:in', 1, 1],
      ['shape:loose', null, 1],
      ['shape:orphan', null, 2],
    ])
    expect(shotsOfScene(sequence, null).map((s) => s.id)).toEqual(['shape:loose', 'shape:orphan'])
    expect(shotsOfScene(sequence, 'scene:empty')).toEqual([])
  })
})

describe('moving shots', () => {
  const sequence = buildSequence(scenes, board)
  const after = (updates: ShotOrderUpdate[]) => idsOf(scenes, applyShots(board, updates))

  it('moves a shot after or before another, touching only that shot', () => {
    const updates = placeShots(sequence, ['shape:a'], { after: 'shape:b' })
    expect(updates.map((u) => u.id)).toEqual(['shape:a'])
    expect(after(updates)).toEqual(['shape:b', 'shape:a', 'shape:c', 'shape:d', 'shape:e'])
    expect(after(placeShots(sequence, ['shape:c'], { before: 'shape:a' }))).toEqual([
      'shape:c',
      'shape:a',
      'shape:b',
      'shape:d',
      'shape:e',
    ])
  })

  it('moves a shot into another scene, which renumbers both scenes', () => {
    const updates = placeShots(sequence, ['shape:b'], { before: 'shape:e' })
    expect(updates).toEqual([{ id: 'shape:b', sceneId: 'scene:2', order: expect.any(String) }])
    const moved = buildSequence(scenes, applyShots(board, updates))
    expect(moved.entries.map((e) => [e.shot.id, e.sceneNumber, e.shotNumber])).toEqual([
      ['shape:a', 1, 1],
      ['shape:c', 1, 2],
      ['shape:d', 2, 1],
      ['shape:b', 2, 2],
      ['shape:e', 2, 3],
    ])
  })

  it('moves a selection together, keeping its reading order, to either end of a scene', () => {
    expect(after(placeShots(sequence, ['shape:e', 'shape:a'], { sceneId: 'scene:2', at: 'start' }))).toEqual([
      'shape:b',
      'shape:c',
      'shape:a',
      'shape:e',
      'shape:d',
    ])
    expect(after(placeShots(sequence, ['shape:d', 'shape:b'], { sceneId: 'scene:1', at: 'end' }))).toEqual([
      'shape:a',
      'shape:c',
      'shape:b',
      'shape:d',
      'shape:e',
    ])
  })

  it('gathers a selection at the place of one of its own shots', () => {
    expect(after(placeShots(sequence, ['shape:a', 'shape:c'], { after: 'shape:a' }))).toEqual([
      'shape:a',
      'shape:c',
      'shape:b',
      'shape:d',
      'shape:e',
    ])
  })

  it('writes nothing when the shots are already there', () => {
    expect(placeShots(sequence, ['shape:b'], { after: 'shape:a' })).toEqual([])
    expect(placeShots(sequence, ['shape:a', 'shape:b'], { before: 'shape:c' })).toEqual([])
    expect(placeShots(sequence, ['shape:e'], { sceneId: 'scene:2', at: 'end' })).toEqual([])
  })

  it('ignores shots that are gone and refuses targets that are gone', () => {
    expect(placeShots(sequence, ['shape:deleted'], { after: 'shape:a' })).toEqual([])
    expect(() => placeShots(sequence, ['shape:a'], { after: 'shape:deleted' })).toThrow(SequenceError)
    expect(() => placeShots(sequence, ['shape:a'], { sceneId: 'scene:deleted', at: 'end' })).toThrow(SequenceError)
  })

  it('makes room between two shots whose keys tie, re-keying only the tied shots', () => {
    const tied = [shot('shape:1', 's', 'a1'), shot('shape:2', 's', 'a2'), shot('shape:3', 's', 'a2'), shot('shape:4', 's', 'a3')]
    const tiedScenes = [scene('s', 'a1')]
    const updates = placeShots(buildSequence(tiedScenes, tied), ['shape:1'], { after: 'shape:2' })
    expect(updates.map((u) => u.id).sort()).toEqual(['shape:1', 'shape:3'])
    const result = applyShots(tied, updates)
    expect(idsOf(tiedScenes, result)).toEqual(['shape:2', 'shape:1', 'shape:3', 'shape:4'])
    const keys = buildSequence(tiedScenes, result).entries.map((e) => e.shot.order)
    expect(new Set(keys).size).toBe(keys.length)
  })
})

describe('new shots', () => {
  const sequence = buildSequence(scenes, board)

  it('goes right after the selected shot', () => {
    const placement = newShotPlacement(sequence, 'shape:b')
    const { sceneId, order, rekeyed } = insertShot(sequence, placement)
    expect(rekeyed).toEqual([])
    expect(idsOf(scenes, [...board, shot('shape:new', sceneId, order)])).toEqual([
      'shape:a',
      'shape:b',
      'shape:new',
      'shape:c',
      'shape:d',
      'shape:e',
    ])
  })

  it('goes at the end of the last scene when nothing is selected', () => {
    const { sceneId, order } = insertShot(sequence, newShotPlacement(sequence, null))
    expect(sceneId).toBe('scene:2')
    expect(idsOf(scenes, [...board, shot('shape:new', sceneId, order)]).at(-1)).toBe('shape:new')
  })

  it('is unassigned on a board without scenes', () => {
    const empty = buildSequence([], [])
    expect(insertShot(empty, newShotPlacement(empty, null))).toEqual({ sceneId: null, order: expect.any(String), rekeyed: [] })
  })

  it('gets a valid index key wherever it goes', () => {
    for (const placement of [{ before: 'shape:a' }, { after: 'shape:e' }, { sceneId: 'scene:1', at: 'start' as const }]) {
      expect(T.indexKey.isValid(insertShot(sequence, placement).order)).toBe(true)
    }
  })
})

describe('scenes', () => {
  const three = [scene('scene:1', 'a1'), scene('scene:2', 'a2'), scene('scene:3', 'a3')]
  const order = (list: SequenceScene[]) => buildSequence(list, []).scenes.map((s) => s.id)

  it('moves a scene before, after, or to either end', () => {
    expect(order(applyScenes(three, placeScene(three, 'scene:3', { before: 'scene:1' })))).toEqual(['scene:3', 'scene:1', 'scene:2'])
    expect(order(applyScenes(three, placeScene(three, 'scene:1', { after: 'scene:2' })))).toEqual(['scene:2', 'scene:1', 'scene:3'])
    expect(order(applyScenes(three, placeScene(three, 'scene:1', { at: 'end' })))).toEqual(['scene:2', 'scene:3', 'scene:1'])
    expect(placeScene(three, 'scene:2', { after: 'scene:1' })).toEqual([])
    expect(() => placeScene(three, 'scene:9', { at: 'end' })).toThrow(SequenceError)
  })

  it('adds a new scene after the last', () => {
    const key = newSceneOrder(three)
    expect(order([...three, scene('scene:0', key)]).at(-1)).toBe('scene:0')
  })
})

describe('stepping through the sequence', () => {
  const sequence = buildSequence(scenes, board)

  it('steps across scene boundaries and stops at the ends', () => {
    expect(stepShot(sequence, 'shape:c', 1)).toBe('shape:d')
    expect(stepShot(sequence, 'shape:d', -1)).toBe('shape:c')
    expect(stepShot(sequence, 'shape:e', 1)).toBe('shape:e')
    expect(stepShot(sequence, 'shape:a', -1)).toBe('shape:a')
    expect(stepShot(sequence, null, 1)).toBe('shape:a')
    expect(stepShot(sequence, null, -1)).toBe('shape:e')
    expect(stepShot(buildSequence([], []), null, 1)).toBeNull()
  })
})
