import type { Editor, TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { REFERENCE_BINDING_TYPE } from '@storyloom/shared/storyboard/referenceBinding'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { isDockedTo } from '../references/referenceDocking'
import { boxOf } from '../references/referenceFollowing'
import { overlaps, type PageBox } from './shotPlacementOnCanvas'

/** A shot's box on the page. */
export function shotBox(shot: TLShotShape): PageBox {
  return { x: shot.x, y: shot.y, w: shot.props.w, h: shot.props.h }
}

/**
 * A shot and what moves when it moves: its sketch (its children), its camera moves (which refit
 * to it) and the references docked with it (which follow it).
 */
export function carriedWith(editor: Editor, shot: TLShotShape): TLShapeId[] {
  const box = shotBox(shot)
  const annotations = editor.getBindingsToShape(shot.id, ANNOTATION_BINDING_TYPE).map((b) => b.fromId)
  const references = editor.getBindingsToShape(shot.id, REFERENCE_BINDING_TYPE).flatMap((b) => {
    const reference = editor.getShape(b.fromId)
    const referenceBox = reference && reference.parentId === shot.parentId ? boxOf(reference) : null
    return referenceBox && isDockedTo(referenceBox, box) ? [b.fromId] : []
  })
  return [...editor.getShapeAndDescendantIds([shot.id]), ...annotations, ...references]
}

/** The page boxes of `ids` moved by `delta`. */
export function movedBoxes(editor: Editor, ids: Iterable<TLShapeId>, delta: { x: number; y: number }): PageBox[] {
  return [...ids].flatMap((id) => {
    const b = editor.getShapePageBounds(id)
    return b ? [{ x: b.x + delta.x, y: b.y + delta.y, w: b.w, h: b.h }] : []
  })
}

/** Whether any of `boxes` would cover a shape on the page other than those in `moving`. */
export function coversOtherShapes(editor: Editor, boxes: readonly PageBox[], moving: ReadonlySet<string>): boolean {
  const others = editor
    .getCurrentPageShapes()
    .filter((s) => !moving.has(s.id))
    .flatMap((s) => editor.getShapePageBounds(s.id) ?? [])
  return boxes.some((box) => others.some((other) => overlaps(other, box)))
}
