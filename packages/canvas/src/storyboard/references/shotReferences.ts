import { createBindingId, type Editor, type TLShape, type TLShapeId, type TLShapePartial } from 'tldraw'
import {
  REFERENCE_BINDING_TYPE,
  REFERENCE_SOURCE_SHAPE_TYPES,
  type TLReferenceBinding,
} from '@storyloom/shared/storyboard/referenceBinding'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import type { ReferenceRole } from '@storyloom/shared/storyboard/vocabulary'
import { nextDockSlot, thumbnailSize, type Rect } from './referenceDocking'
import { DEFAULT_REFERENCE_ROLE } from './referenceRoles'

/**
 * Editor operations on references: pinning an image, clip or link to shots, docking it in a
 * shot's reference column, changing its role, unpinning it. Each is one plain editor change,
 * so it syncs to everyone and undoes like any canvas edit.
 */

/** True for shapes that can be a reference: images, clips and links. */
export function isReferenceShape(shape: TLShape): boolean {
  return (REFERENCE_SOURCE_SHAPE_TYPES as readonly string[]).includes(shape.type)
}

/**
 * The references pinned to a shot, in the order everyone sees them beside it: top to bottom, then
 * left to right, by where each reference is on the page (a new one docks below the last, so this
 * is the order they were pinned until someone moves one; moving one up the column moves it up
 * the list). Not the store's order, which is the order records reached this client and differs
 * between people; the binding id breaks ties, the same for everyone.
 */
export function referenceBindingsOfShot(editor: Editor, shotId: TLShapeId): TLReferenceBinding[] {
  const placed = editor.getBindingsToShape<TLReferenceBinding>(shotId, REFERENCE_BINDING_TYPE).map((binding) => {
    const bounds = editor.getShapePageBounds(binding.fromId)
    return { binding, y: bounds?.y ?? Infinity, x: bounds?.x ?? Infinity }
  })
  placed.sort((a, b) => a.y - b.y || a.x - b.x || (a.binding.id < b.binding.id ? -1 : a.binding.id > b.binding.id ? 1 : 0))
  return placed.map((p) => p.binding)
}

/** The shots a reference is pinned to, as bindings. */
export function referenceBindingsOfReference(editor: Editor, referenceId: TLShapeId): TLReferenceBinding[] {
  return editor.getBindingsFromShape<TLReferenceBinding>(referenceId, REFERENCE_BINDING_TYPE)
}

/**
 * Pins a reference to a shot with `role` (the default role if not given). Pinning it again to
 * the same shot changes nothing: a shot lists a reference once.
 */
export function attachReference(editor: Editor, referenceId: TLShapeId, shotId: TLShapeId, role: ReferenceRole = DEFAULT_REFERENCE_ROLE): void {
  if (referenceBindingsOfShot(editor, shotId).some((b) => b.fromId === referenceId)) return
  editor.createBinding<TLReferenceBinding>({
    id: createBindingId(),
    type: REFERENCE_BINDING_TYPE,
    fromId: referenceId,
    toId: shotId,
    props: { role },
  })
}

function pageRect(editor: Editor, id: TLShapeId): Rect | null {
  const b = editor.getShapePageBounds(id)
  return b ? { x: b.x, y: b.y, w: b.w, h: b.h } : null
}

/**
 * Shrinks a newly attached reference to a thumbnail and puts it at the bottom of the shot's
 * reference column, so it sits beside the shot (and moves with it) instead of covering it.
 */
export function dockReference(editor: Editor, reference: TLShape, shot: TLShotShape): void {
  const shotRect = pageRect(editor, shot.id)
  const { w, h } = reference.props as { w?: number; h?: number }
  if (!shotRect || typeof w !== 'number' || typeof h !== 'number') return
  const docked = referenceBindingsOfShot(editor, shot.id)
    .filter((b) => b.fromId !== reference.id)
    .map((b) => pageRect(editor, b.fromId))
    .filter((r): r is Rect => r !== null)
  const slot = nextDockSlot(shotRect, docked)
  const size = thumbnailSize(w, h)
  const local = editor.getPointInParentSpace(reference, slot)
  // Every reference type (image, video, bookmark, embed) is a w × h box.
  editor.updateShape({ id: reference.id, type: reference.type, x: local.x, y: local.y, rotation: 0, props: size } as TLShapePartial)
}

/** Changes what a reference is for on one shot. */
export function setReferenceRole(editor: Editor, binding: TLReferenceBinding, role: ReferenceRole): void {
  if (binding.props.role === role) return
  editor.updateBinding<TLReferenceBinding>({ id: binding.id, type: REFERENCE_BINDING_TYPE, props: { role } })
}

/** Unpins a reference from one shot; the image, clip or link stays on the board. */
export function detachReference(editor: Editor, binding: TLReferenceBinding): void {
  editor.deleteBinding(binding.id)
}

/** Selects a shape and brings it into view (for "show on canvas" from panels). */
export function locateShape(editor: Editor, id: TLShapeId): void {
  const bounds = editor.getShapePageBounds(id)
  if (!bounds) return
  editor.select(id)
  editor.zoomToBounds(bounds.clone().expandBy(Math.max(bounds.w, bounds.h)), { animation: { duration: 200 }, targetZoom: 1 })
}
