// @vitest-environment jsdom
import { describe, expect, it } from 'vitest'
import { PageRecordType, createShapeId, type IndexKey } from 'tldraw'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { shotsOfScene } from '@storyloom/shared/storyboard/sequence'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardStore } from '../../sync/testing/boardFixtures'
import { boardSequenceModel, type BoardSequenceModel } from './boardSequenceModel'
import { layoutStrip, type StripGroupInput } from './stripLayout'
import { stripLayoutOf } from './stripLayoutOf'

const page = PageRecordType.createId('main')
const headingWidth = (scene: { name: string }, n: number) => 100 + scene.name.length * 7 + n

/** Two scenes (the second empty), three shots in the first and one in none. */
function board() {
  const store = boardStore()
  const scenes = [createScene({ order: 'a1' as IndexKey, name: 'Chase' }), createScene({ order: 'a2' as IndexKey, name: 'Harbour at dawn' })]
  const shot = (key: string, order: string, sceneId: string | null) =>
    createShotShape({ id: createShapeId(key), parentId: page, index: 'a1' as IndexKey, props: { sceneId: sceneId as never, order: order as IndexKey, duration: 2 } })
  const shots = [shot('a', 'a1', scenes[0]!.id), shot('b', 'a2', scenes[0]!.id), shot('c', 'a3', scenes[0]!.id), shot('d', 'a1', null)]
  store.put([PageRecordType.create({ id: page, name: 'Page 1', index: 'a1' as IndexKey }), ...scenes, ...shots])
  const model = () => boardSequenceModel({ store }).get()
  const update = (id: string, change: (shot: TLShotShape) => TLShotShape) => store.update(createShapeId(id), (s) => change(s as TLShotShape))
  return { store, scenes, model, update }
}

/** The layout as the strip made it from every model until now: from the whole sequence, scene by scene. */
function layoutFromScratch({ sequence }: BoardSequenceModel) {
  const groups: StripGroupInput[] = sequence.scenes.map((scene, i) => {
    const shotIds = shotsOfScene(sequence, scene.id).map((s) => s.id)
    return { sceneId: scene.id, shotIds, headingWidth: shotIds.length === 0 ? headingWidth(scene, i + 1) : undefined }
  })
  const loose = shotsOfScene(sequence, null).map((s) => s.id)
  if (loose.length > 0) groups.push({ sceneId: null, shotIds: loose })
  return layoutStrip(groups)
}

describe("the strip's layout", () => {
  it('is laid out once while people type in shots and move them on the canvas', () => {
    const { model, update } = board()
    const first = stripLayoutOf(model(), headingWidth)
    expect(first).toEqual(layoutFromScratch(model()))
    for (const title of ['D', 'Do', 'Doc']) update('b', (s) => ({ ...s, props: { ...s.props, title } }))
    update('c', (s) => ({ ...s, x: s.x + 40, y: s.y + 10 }))
    expect(model().sequence.entries[1]!.shot.props.title).toBe('Doc')
    expect(stripLayoutOf(model(), headingWidth)).toBe(first)
  })

  it('follows reorders, scene changes, new and deleted shots and scenes', () => {
    const { store, scenes, model, update } = board()
    const layouts = [stripLayoutOf(model(), headingWidth)]
    const check = () => {
      const layout = stripLayoutOf(model(), headingWidth)
      expect(layout).toEqual(layoutFromScratch(model()))
      expect(layouts).not.toContain(layout)
      layouts.push(layout)
      return layout
    }
    update('c', (s) => ({ ...s, props: { ...s.props, order: 'a0' as IndexKey } }))
    expect(check().cards.map((c) => c.shotId)).toEqual(['shape:c', 'shape:a', 'shape:b', 'shape:d'])
    update('d', (s) => ({ ...s, props: { ...s.props, sceneId: scenes[1]!.id } }))
    expect(check().groups.map((g) => g.sceneId)).toEqual([scenes[0]!.id, scenes[1]!.id])
    store.remove([createShapeId('a')])
    expect(check().cards).toHaveLength(3)
    store.put([createScene({ order: 'a3' as IndexKey, name: 'Rooftops' })])
    expect(check().groups).toHaveLength(3)
    update('b', (s) => ({ ...s, props: { ...s.props, duration: 5 } }))
    check()
  })
})
