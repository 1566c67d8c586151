// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import { createBindingId, createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { REFERENCE_BINDING_TYPE, type TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../../board/testing/headlessEditor'
import { referenceTagPlacements, referenceTagPlacementsOf } from './referenceTagLayout'

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

const pin = (editor: Editor, imageId: TLShapeId, shotId: TLShapeId, role: TLReferenceBinding['props']['role']) =>
  editor.createBindings<TLReferenceBinding>([{ id: createBindingId(), type: REFERENCE_BINDING_TYPE as TLReferenceBinding['type'], fromId: imageId, toId: shotId, props: { role } }])

/** Three shots 1,000 apart: two references docked beside each, and shot 2 also uses shot 0's first. */
function board() {
  const editor = headlessBoardEditor()
  editors.push(editor)
  const shots = [0, 1, 2].map((i) => createShapeId(`shot${i}`))
  shots.forEach((id, i) => editor.createShape<TLShotShape>({ id, type: 'shot', x: i * 1000, y: 0 }))
  const shotW = editor.getShape<TLShotShape>(shots[0]!)!.props.w
  const refs = shots.map((shotId, i) =>
    [0, 1].map((r) => {
      const id = createShapeId(`ref${i}-${r}`)
      editor.createShape({ id, type: 'image', x: i * 1000 + shotW + 16, y: r * 98, props: { w: 120, h: 68 } })
      pin(editor, id, shotId, r === 0 ? 'style' : 'character')
      return id
    }),
  )
  pin(editor, refs[0]![0]!, shots[2]!, 'location')
  return { editor, shots, refs, shotW }
}

describe('reference tag placements', () => {
  it('put a tag under each docked reference and a linked card in the column of a shot that reuses one', () => {
    const { editor, refs, shotW } = board()
    const all = referenceTagPlacementsOf(editor).get()
    const tagOf = (id: TLShapeId) => all.filter((p) => p.kind === 'tag' && p.binding.fromId === id).map(({ x, y, w }) => ({ x, y, w }))
    expect(all.filter((p) => p.kind === 'tag')).toHaveLength(6)
    expect(tagOf(refs[0]![0]!)).toEqual([{ x: shotW + 16, y: 68 + 4, w: 120 }])
    expect(tagOf(refs[1]![1]!)).toEqual([{ x: 1000 + shotW + 16, y: 98 + 68 + 4, w: 120 }])
    const linked = all.filter((p) => p.kind === 'linked')
    expect(linked).toHaveLength(1)
    expect(linked[0]).toMatchObject({ x: 2000 + shotW + 16, w: 140 })
    expect(linked[0]!.binding.props.role).toBe('location')
  })

  it('are what computing them from scratch gives, after edits, moves, remote changes and unpinning', () => {
    const { editor, shots, refs } = board()
    const check = () => expect(referenceTagPlacementsOf(editor).get()).toEqual(referenceTagPlacements(editor))
    check()
    editor.updateShape<TLShotShape>({ id: shots[1]!, type: 'shot', props: { action: 'A long line of action.' } })
    check()
    // A shot moved away from its references: they are no longer docked, so they become linked cards.
    editor.updateShape({ id: shots[1]!, type: 'shot', x: 5000, y: 4000 })
    check()
    editor.store.mergeRemoteChanges(() => editor.updateShape({ id: refs[2]![1]!, type: 'image', x: 2000 + 400, y: 300 }))
    check()
    editor.deleteBindings(editor.getBindingsFromShape(refs[0]![0]!, REFERENCE_BINDING_TYPE).slice(0, 1))
    check()
    pin(editor, refs[1]![0]!, shots[0]!, 'prop')
    check()
    editor.deleteShape(shots[2]!)
    check()
  })

  it('keep the same list when a shot is typed in, so the tag layer does not re-render', () => {
    const { editor, shots, refs } = board()
    const before = referenceTagPlacementsOf(editor).get()
    editor.updateShape<TLShotShape>({ id: shots[1]!, type: 'shot', props: { action: 'She runs.', title: 'Escape' } })
    editor.store.mergeRemoteChanges(() => editor.updateShape<TLShotShape>({ id: shots[2]!, type: 'shot', props: { duration: 5 } }))
    expect(referenceTagPlacementsOf(editor).get()).toBe(before)
    editor.updateShape({ id: refs[1]![1]!, type: 'image', y: 120 })
    const after = referenceTagPlacementsOf(editor).get()
    expect(after).not.toBe(before)
    // Only the tags of the moved reference's shot were computed again.
    expect(new Set(after.filter((p, i) => p !== before[i]).map((p) => p.binding.toId))).toEqual(new Set([shots[1]!]))
  })
})
