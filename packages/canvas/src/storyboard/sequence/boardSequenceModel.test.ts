// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { PageRecordType, createShapeId, type Editor, type IndexKey } from 'tldraw'
import { BOARD_SETTINGS_ID, createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import { createShotShape, type TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { boardStore } from '../../sync/testing/boardFixtures'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { boardSequenceModel, buildBoardSequenceModel, type BoardSequenceModel } from './boardSequenceModel'

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

describe('the board sequence model, kept up to date edit by edit', () => {
  const editors: Editor[] = []
  afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

  /** An editor over `board()`'s store with a second scene holding shots d and e. */
  function editedBoard() {
    const { store, scene, shots } = board()
    const editor = headlessBoardEditor(store)
    editors.push(editor)
    editor.setCurrentPage(page)
    const second = createScene({ order: 'a2' as IndexKey, name: 'Roof' })
    editor.store.put([second])
    for (const [key, order] of [['d', 'a1'], ['e', 'a2']] as const) {
      editor.createShape<TLShotShape>({ id: createShapeId(key), type: 'shot', props: { sceneId: second.id, order: order as IndexKey, duration: 3 } })
    }
    editor.clearHistory()
    const model = boardSequenceModel(editor)
    const fromScratch = () =>
      buildBoardSequenceModel(editor.store.query.records('scene').get(), editor.getCurrentPageShapes().filter((s): s is TLShotShape => s.type === 'shot'), editor.store.get(BOARD_SETTINGS_ID))
    const check = () => expect(model.get()).toEqual(fromScratch())
    return { editor, model, check, scene, second, shots }
  }
  const entryOf = (model: BoardSequenceModel, key: string) => model.sequence.entries.find((e) => e.shot.id === createShapeId(key))!

  it('reuses every untouched shot\'s entry when one shot is typed in', () => {
    const { editor, model, check } = editedBoard()
    const before = model.get()
    editor.updateShape<TLShotShape>({ id: createShapeId('b'), type: 'shot', props: { title: 'Over the wall' } })
    const after = model.get()
    check()
    expect(entryOf(after, 'b').shot.props.title).toBe('Over the wall')
    for (const key of ['a', 'c', 'd', 'e']) expect(entryOf(after, key)).toBe(entryOf(before, key))
    expect(after.numbers).toBe(before.numbers)
    expect(after.timing).toBe(before.timing)
    expect(after.sequence.scenes).toBe(before.sequence.scenes)
  })

  it('is what computing it from scratch gives after reorders, scene changes, settings, undo and redo', () => {
    const { editor, model, check, scene, second } = editedBoard()
    const first = model.get()
    editor.markHistoryStoppingPoint()
    // Reorder within the second scene: the first scene's shots keep their entries.
    editor.updateShape<TLShotShape>({ id: createShapeId('e'), type: 'shot', props: { order: 'a0' as IndexKey } })
    check()
    for (const key of ['a', 'b', 'c']) expect(entryOf(model.get(), key)).toBe(entryOf(first, key))
    editor.markHistoryStoppingPoint()
    editor.updateShape<TLShotShape>({ id: createShapeId('a'), type: 'shot', props: { sceneId: second.id, duration: 5 } })
    check()
    editor.store.update(second.id, (s) => ({ ...s, order: 'a0' as IndexKey }))
    check()
    editor.store.put([createBoardSettings({ numbering: 'letter', fps: 25 })])
    check()
    editor.store.mergeRemoteChanges(() => editor.updateShape<TLShotShape>({ id: createShapeId('c'), type: 'shot', props: { title: 'Remote' } }))
    check()
    editor.store.remove([scene.id])
    check()
    editor.deleteShape(createShapeId('d'))
    check()
    editor.undo()
    check()
    editor.undo()
    check()
    editor.redo()
    check()
  })
})
