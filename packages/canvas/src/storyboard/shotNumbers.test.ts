// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { createBoardSettings } from '@storyloom/shared/storyboard/boardSettingsRecord'
import { boardShotNumbers } from '@storyloom/shared/storyboard/boardSequence'
import { createScene } from '@storyloom/shared/storyboard/sceneRecord'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../board/testing/headlessEditor'
import { shotNumbersOf } from './shotNumbers'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

/** Two scenes (the second listed first in the store), 12 shots: 5 in each scene, 2 in none. */
function board() {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const scenes = [createScene({ order: 'a2' as never, name: 'Two' }), createScene({ order: 'a1' as never, name: 'One' })]
  editor.store.put(scenes)
  const shots: TLShapeId[] = []
  for (let i = 0; i < 12; i++) {
    const id = createShapeId(`shot${i}`)
    // Order keys out of creation order, so reading order is not the store's order.
    const order = `a${String.fromCharCode(90 - i)}`
    editor.createShape<TLShotShape>({ id, type: 'shot', x: i * 400, y: 0, props: { sceneId: i < 10 ? scenes[i % 2]!.id : null, order: order as never } })
    shots.push(id)
  }
  return { editor, scenes, shots }
}

/** What the numbers were before they were memoised: recomputed from every record. */
const fromScratch = (editor: Editor) => boardShotNumbers(editor.store.allRecords())

describe('shot numbers', () => {
  it('are the numbers the board records give, in reading order, after every kind of change', () => {
    const { editor, scenes, shots } = board()
    const check = () => expect([...shotNumbersOf(editor).get()]).toEqual([...fromScratch(editor)])
    check()
    expect(shotNumbersOf(editor).get().get(shots[1]!)).toBe('1.5')
    editor.updateShape<TLShotShape>({ id: shots[3]!, type: 'shot', props: { order: 'a0' as never } })
    check()
    editor.updateShape<TLShotShape>({ id: shots[4]!, type: 'shot', props: { sceneId: scenes[1]!.id } })
    check()
    editor.store.put([{ ...scenes[0]!, order: 'a0' as never }])
    check()
    editor.store.put([createBoardSettings({ numbering: 'letter' })])
    check()
    expect([...shotNumbersOf(editor).get().values()].every((label) => /^[0-2][A-Z]$/.test(label))).toBe(true)
    editor.deleteShape(shots[5]!)
    check()
    editor.store.remove([scenes[1]!.id])
    check()
  })

  it('keep the same map when a shot is typed in or moved, and only then', () => {
    const { editor, shots } = board()
    const before = shotNumbersOf(editor).get()
    editor.updateShape<TLShotShape>({ id: shots[2]!, type: 'shot', props: { action: 'She runs.', title: 'Escape' } })
    editor.updateShape({ id: shots[2]!, type: 'shot', x: 9000, y: 300 })
    editor.store.mergeRemoteChanges(() => editor.updateShape<TLShotShape>({ id: shots[7]!, type: 'shot', props: { duration: 7 } }))
    expect(shotNumbersOf(editor).get()).toBe(before)
    editor.updateShape<TLShotShape>({ id: shots[2]!, type: 'shot', props: { order: 'a0' as never } })
    expect(shotNumbersOf(editor).get()).not.toBe(before)
  })
})
