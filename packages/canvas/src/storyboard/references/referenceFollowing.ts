import type { Editor, TLShape, TLShapeId } from 'tldraw'
import { REFERENCE_BINDING_TYPE, type TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import { followDelta, isDockedTo, type Rect } from './referenceDocking'

/** A shape's box in its parent's space (every shot and reference shape has `w` and `h`). */
export function boxOf(shape: TLShape): Rect | null {
  const { w, h } = shape.props as { w?: unknown; h?: unknown }
  return typeof w === 'number' && typeof h === 'number' ? { x: shape.x, y: shape.y, w, h } : null
}

/**
 * Moves the references docked with a shot (on it, or in its reference column) when the shot
 * moves or is resized; references kept elsewhere on the board stay put.
 *
 * The follow is a relative move, so it must happen exactly once. It is done when a change
 * (one store operation) is complete, only for references that did not change in that same
 * operation — so not when the reference was dragged along with the shot, not on undo or redo
 * (tldraw replays the reference's own recorded move), and not for a collaborator's move (their
 * client moved the references, which arrive in the same batch). That is why this is a store
 * side effect rather than `BindingUtil.onAfterChangeToShape`, which sees one record at a time.
 */
export function registerReferenceFollowing(editor: Editor): () => void {
  const movedShots = new Map<TLShapeId, { before: TLShape; after: TLShape }>()
  const changed = new Set<TLShapeId>()

  const offChange = editor.sideEffects.registerAfterChangeHandler('shape', (before, after, source) => {
    changed.add(after.id)
    if (source !== 'user' || after.type !== 'shot' || before.parentId !== after.parentId) return
    const first = movedShots.get(after.id)
    movedShots.set(after.id, { before: first?.before ?? before, after })
  })

  const offComplete = editor.sideEffects.registerOperationCompleteHandler(() => {
    if (movedShots.size === 0) {
      changed.clear()
      return
    }
    const shots = [...movedShots.values()]
    const untouchable = new Set(changed)
    movedShots.clear()
    changed.clear()
    for (const { before: shotBefore, after: shotAfter } of shots) {
      const before = boxOf(shotBefore)
      const after = boxOf(shotAfter)
      if (!before || !after) continue
      for (const binding of editor.getBindingsToShape<TLReferenceBinding>(shotAfter.id, REFERENCE_BINDING_TYPE)) {
        const reference = editor.getShape(binding.fromId)
        if (!reference || untouchable.has(reference.id) || reference.parentId !== shotAfter.parentId) continue
        const box = boxOf(reference)
        if (!box || !isDockedTo(box, before)) continue
        const delta = followDelta(box, before, after)
        if (delta.x === 0 && delta.y === 0) continue
        // Moved once even if pinned to two moving shots.
        untouchable.add(reference.id)
        editor.updateShape({ id: reference.id, type: reference.type, x: reference.x + delta.x, y: reference.y + delta.y })
      }
    }
  })

  return () => {
    offChange()
    offComplete()
  }
}
