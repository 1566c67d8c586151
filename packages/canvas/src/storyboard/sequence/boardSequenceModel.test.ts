import { describe, expect, it } from 'vitest'
import { PageRecordType, createShapeId, type IndexKey } from 'tldraw'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardStore } from '../../sync/testing/boardFixtures'
import { boardSequenceModel } from './boardSequenceModel'

const page = PageRecordType.createId('main')

/** A store with one scene and three shots in it, in the order a, b, c. */
function board() {
  const store = boardStore()
  const scene = createScene({ order: 'a1' as IndexKey, name: 'Chase' })
  const shot = (key: string, order: string) =>
    createShotShape({
      id: createShapeId(key),
      parentId: page,
      index: 'a1' as IndexKey,
      props: { sceneId: scene.id, order: order as IndexKey, duration: 2 },
    })
  const shots = [shot('a', 'a1'), shot('b', 'a2'), shot('c', 'a3')]
  store.put([PageRecordType.create({ id: page, name: 'Page 1', index: 'a1' as IndexKey }), scene, ...shots])
  return { store, scene, shots }
}

describe('the board sequence model', () => {
  it('numbers shots in sequence order and times them at the board frame rate', () => {
    const { store } = board()
    const model = boardSequenceModel({ store }).get()
    expect(model.sequence.entries.map((e) => [e.shot.id, model.numbers.get(e.shot.id)])).toEqual([
      ['shape:a', '1.1'],
      ['shape:b', '1.2'],
      ['shape:c', '1.3'],
    ])
    expect(model.timing.total).toEqual({ frames: 144, seconds: 6 })
    store.put([createBoardSettings({ numbering: 'letter', fps: 25 })])
    const lettered = boardSequenceModel({ store }).get()
    expect(lettered.numbers.get('shape:c')).toBe('1C')
    expect(lettered.timing.total.frames).toBe(150)
  })

  it('follows a reorder, and is not rebuilt when shots only move on the canvas', () => {
    const { store, shots } = board()
    const model = boardSequenceModel({ store })
    const before = model.get()
    // Dragging a shot around the canvas writes its x/y many times a second.
    store.update(shots[0]!.id, (shot) => ({ ...shot, x: shot.x + 120, y: 40 }))
    expect(model.get()).toBe(before)

    const c = shots[2]!
    store.put([{ ...c, props: { ...c.props, order: 'a0' as IndexKey } } satisfies TLShotShape])
    expect(model.get().sequence.entries.map((e) => e.shot.id)).toEqual(['shape:c', 'shape:a', 'shape:b'])
  })
})
