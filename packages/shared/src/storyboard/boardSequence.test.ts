import { describe, expect, it } from 'vitest'
import type { TLParentId } from '@tldraw/tlschema'
import type { IndexKey } from '@tldraw/utils'
import { createBoardSettings } from './boardSettingsRecord'
import { boardShotNumbers, newShotOrder } from './boardSequence'
import { createScene, createSceneId } from './sceneRecord'
import { createShotShape } from './shotShape'
import type { TLShotShape } from './shotShape'
import type { SceneId } from './sceneRecord'

const page = 'page:p' as TLParentId
const shot = (id: string, sceneId: SceneId | null, order: string): TLShotShape =>
  createShotShape({
    id: `shape:${id}` as TLShotShape['id'],
    parentId: page,
    index: 'a1' as IndexKey,
    props: { sceneId, order: order as IndexKey },
  })
const pageRecord = { id: page, typeName: 'page' }

describe('board shot numbers from records', () => {
  const opening = createScene({ id: createSceneId('opening'), order: 'a1' as IndexKey })
  const chase = createScene({ id: createSceneId('chase'), order: 'a2' as IndexKey })

  it('numbers by scene order and order key, not by record or canvas order', () => {
    const records = [pageRecord, shot('z', chase.id, 'a1'), chase, shot('y', opening.id, 'a2'), shot('x', opening.id, 'a1'), opening]
    expect(Object.fromEntries(boardShotNumbers(records))).toEqual({
      'shape:x': '1.1',
      'shape:y': '1.2',
      'shape:z': '2.1',
    })
  })

  it('follows the board setting for the letter style', () => {
    const records = [opening, shot('x', opening.id, 'a1'), shot('y', opening.id, 'a2'), createBoardSettings({ numbering: 'letter' })]
    expect(Object.fromEntries(boardShotNumbers(records))).toEqual({ 'shape:x': '1A', 'shape:y': '1B' })
  })

  it('reads shots without a scene (or with a deleted one) as unassigned, after the scenes, numbered under scene 0', () => {
    const gone = createSceneId('gone')
    const records = [opening, shot('a', null, 'a1'), shot('b', gone, 'a2'), shot('c', opening.id, 'a5')]
    expect(Object.fromEntries(boardShotNumbers(records))).toEqual({ 'shape:c': '1.1', 'shape:a': '0.1', 'shape:b': '0.2' })
  })
})

describe('where a new shot goes', () => {
  it('goes after the last shot of the last scene, or first on an empty board', () => {
    const scene = createScene({ id: createSceneId('s'), order: 'a1' as IndexKey })
    const first = newShotOrder([pageRecord], null)
    expect(first.sceneId).toBeNull()
    const records = [scene, shot('a', scene.id, 'a1'), shot('b', scene.id, 'a3')]
    const next = newShotOrder(records, null)
    expect(next.sceneId).toBe(scene.id)
    const numbers = boardShotNumbers([...records, shot('new', scene.id, next.order)])
    expect(numbers.get('shape:new')).toBe('1.3')
  })

  it('goes right after the selected shot', () => {
    const records = [shot('a', null, 'a1'), shot('b', null, 'a3')]
    const { order } = newShotOrder(records, 'shape:a')
    expect(boardShotNumbers([...records, shot('new', null, order)]).get('shape:new')).toBe('2')
  })
})
