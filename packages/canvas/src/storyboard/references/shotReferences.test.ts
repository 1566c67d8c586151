// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createBindingId, createShapeId, type Editor, type TLRecord } from 'tldraw'
import { REFERENCE_BINDING_TYPE, type TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { referenceBindingsOfShot } from './shotReferences'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

function newEditor(): Editor {
  const editor = headlessBoardEditor()
  editors.push(editor)
  return editor
}

describe("a shot's references", () => {
  it('are listed in the same order for everyone: down the column beside the shot, whatever order the records arrived in', () => {
    const ada = newEditor()
    const shotId = createShapeId('shot')
    ada.createShape({ id: shotId, type: 'shot', x: 0, y: 0 })
    // Docked top to bottom in the order they were pinned: character, composition, style.
    const pinned = (['character', 'composition', 'style'] as const).map((role, i) => {
      const imageId = createShapeId(`ref-${role}`)
      ada.createShape({ id: imageId, type: 'image', x: 400, y: i * 100, props: { w: 80, h: 45 } })
      return { id: createBindingId(), type: REFERENCE_BINDING_TYPE as TLReferenceBinding['type'], fromId: imageId, toId: shotId, props: { role } }
    })
    ada.createBindings<TLReferenceBinding>(pinned)
    const order = (editor: Editor) => referenceBindingsOfShot(editor, shotId).map((b) => b.props.role)
    expect(order(ada)).toEqual(['character', 'composition', 'style'])

    // Ben's copy gets the same records, the bindings in the reverse order (as a doc can deliver them).
    const ben = newEditor()
    const records = ada.store.allRecords()
    const shapes = records.filter((r) => r.typeName === 'shape')
    const bindings = records.filter((r): r is TLRecord & TLReferenceBinding => r.typeName === 'binding').reverse()
    ben.store.mergeRemoteChanges(() => ben.store.put([...shapes, ...bindings]))
    expect(order(ben)).toEqual(['character', 'composition', 'style'])
  })
})
