import { createBindingId, createShapeId, type Editor, type TLShape, type TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { REFERENCE_BINDING_TYPE, type TLReferenceBinding } from '@storyloom/shared/storyboard/referenceBinding'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { carriedWith } from '../sequence/movesWithShot'
import { copyProps, originalOf } from './copyOfShot'
import { placeCopiesInSlots, type CopyOfShot } from './copyInSlot'

const isShot = (shape: TLShape): shape is TLShotShape => shape.type === 'shot'

/**
 * Makes a copied shot a storyboard artist's duplicate, however it was copied (tldraw's Duplicate,
 * Alt-drag, copy and paste): it goes right after its original in the same scene, starts with no
 * takes and no review status (see {@link copyProps}), and gets its own copies of the original's
 * camera moves and docked references (and a pin to references kept elsewhere) unless they were
 * copied with it. On the canvas a copy made by Duplicate (Ctrl+D) or paste goes where "new shot
 * after" its original would put a new shot, opening a slot in a row ({@link placeCopiesInSlots});
 * an Alt-dragged copy stays where the user dropped it. All of it is recorded before the next
 * history stopping point, so one undo takes it back.
 *
 * Only the user's own creations count (a collaborator's copy arrives already made), and not a
 * shot brought back by undo or redo (its id was on this board before).
 */
export function registerShotCopies(editor: Editor): () => void {
  const seen = new Set<TLShapeId>()
  const copies = new Map<TLShapeId, { originalId: TLShapeId; dropped: boolean }>()
  let disposed = false

  const offDelete = editor.sideEffects.registerAfterDeleteHandler('shape', (shape) => {
    if (isShot(shape)) seen.add(shape.id)
  })

  const offCreate = editor.sideEffects.registerBeforeCreateHandler('shape', (shape, source) => {
    if (source !== 'user' || !isShot(shape) || seen.has(shape.id)) return shape
    const shots = editor.getCurrentPageShapes().filter(isShot)
    const original = originalOf(shape, shots)
    const { sceneId } = shape.props
    const sceneExists = sceneId === null || editor.store.has(sceneId as never)
    if (!original && sceneExists && shape.props.activeVersionId === null) return shape
    // Alt-drag duplicates from inside the select tool's translating state (tldraw's
    // `startCloning`); Duplicate and paste run from idle. The store only sees records, so the
    // tool's state is what tells a copy the user is placing by hand.
    if (original) copies.set(shape.id, { originalId: original.id, dropped: editor.isIn('select.translating') })
    return { ...shape, props: copyProps(shape, { original, shots, sceneExists }) }
  })

  const offComplete = editor.sideEffects.registerOperationCompleteHandler(() => {
    if (copies.size === 0) return
    const pairs = [...copies]
    copies.clear()
    for (const [copyId, { originalId }] of pairs) copyCompanions(editor, copyId, originalId)
    const toPlace: CopyOfShot[] = pairs.flatMap(([copyId, { originalId, dropped }]) => (dropped ? [] : [{ copyId, originalId }]))
    // Paste moves what it created to the pointer in a later store operation of the same
    // `editor.run`, so the copies are placed once that has run: still before the next render
    // and the next history stopping point, so in the duplicate's own undo step.
    if (toPlace.length > 0) queueMicrotask(() => !disposed && editor.run(() => placeCopiesInSlots(editor, toPlace)))
  })

  return () => {
    disposed = true
    offDelete()
    offCreate()
    offComplete()
  }
}

/** Gives the copy the original's camera moves and references, when it came without them. */
function copyCompanions(editor: Editor, copyId: TLShapeId, originalId: TLShapeId): void {
  const copy = editor.getShape<TLShotShape>(copyId)
  const original = editor.getShape<TLShotShape>(originalId)
  if (!copy || !original || copy.parentId !== original.parentId) return
  const delta = { x: copy.x - original.x, y: copy.y - original.y }
  const carried = new Set(carriedWith(editor, original))
  const shifted = (shape: TLShape) => ({ ...shape, id: createShapeId(), x: shape.x + delta.x, y: shape.y + delta.y, index: editor.getHighestIndexForParent(shape.parentId) })

  if (editor.getBindingsToShape(copyId, ANNOTATION_BINDING_TYPE).length === 0) {
    for (const binding of editor.getBindingsToShape(originalId, ANNOTATION_BINDING_TYPE)) {
      const motion = editor.getShape(binding.fromId)
      if (!motion) continue
      const moved = shifted(motion)
      editor.createShape(moved)
      editor.createBinding({ id: createBindingId(), type: ANNOTATION_BINDING_TYPE, fromId: moved.id, toId: copyId, props: {} })
    }
  }
  if (editor.getBindingsToShape(copyId, REFERENCE_BINDING_TYPE).length === 0) {
    for (const binding of editor.getBindingsToShape<TLReferenceBinding>(originalId, REFERENCE_BINDING_TYPE)) {
      const reference = editor.getShape(binding.fromId)
      if (!reference) continue
      // A docked reference is part of the panel: the copy gets its own; one kept elsewhere is shared.
      let fromId = reference.id
      if (carried.has(reference.id)) {
        const moved = shifted(reference)
        editor.createShape(moved)
        fromId = moved.id
      }
      editor.createBinding({ id: createBindingId(), type: REFERENCE_BINDING_TYPE, fromId, toId: copyId, props: { ...binding.props } })
    }
  }
}

