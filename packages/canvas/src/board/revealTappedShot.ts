import type { Editor, TLEventInfo, TLShapeId, VecLike } from 'tldraw'
import { revealSelectionClearOfPanels } from './revealClearOfPanels'
import { sameIds } from './sameIds'

/**
 * A shot tapped on the canvas (a finger or a pen) is brought clear of the shot inspector that the
 * tap opens: on a tablet held upright the inspector takes a third of the screen's width, and a
 * shot tapped on the canvas's right half was left half under it. It pans as little as it can
 * ({@link revealSelectionClearOfPanels}); a shot already clear stays where it is. Only a tap that
 * selects one shot anew: a drag put the shot where the finger left it, and a mouse's click keeps
 * the camera where the hand on the mouse put it.
 *
 * @returns A function that stops watching.
 */
export function revealTappedShot(editor: Editor): () => void {
  const container = editor.getContainer()
  /** The pointer last pressed, if a finger or a pen (the only one down: a second finger is a pinch). */
  let finger: number | null = null
  /** Where that finger went down on the canvas, and what was selected before. */
  let tap: { pointerId: number; point: VecLike; before: TLShapeId[] } | null = null

  const onPointerDown = (event: PointerEvent) => {
    finger = event.pointerType !== 'mouse' && event.isPrimary ? event.pointerId : null
  }
  const beforeEvent = (info: TLEventInfo) => {
    if (info.type !== 'pointer' || info.name !== 'pointer_down') return
    tap = info.pointerId === finger ? { pointerId: info.pointerId, point: { x: info.point.x, y: info.point.y }, before: editor.getSelectedShapeIds() } : null
  }
  // After tldraw has handled the lift: what it selected is known.
  const afterEvent = (info: TLEventInfo) => {
    if (info.type !== 'pointer' || info.name !== 'pointer_up' || tap?.pointerId !== info.pointerId) return
    const { point, before } = tap
    tap = null
    const moved = (info.point.x - point.x) ** 2 + (info.point.y - point.y) ** 2
    if (moved > editor.options.coarseDragDistanceSquared) return
    const selected = editor.getSelectedShapes()
    if (selected.length !== 1 || selected[0]!.type !== 'shot' || sameIds(editor.getSelectedShapeIds(), before)) return
    revealSelectionClearOfPanels(editor)
  }

  container.addEventListener('pointerdown', onPointerDown, true)
  editor.on('before-event', beforeEvent)
  editor.on('event', afterEvent)
  return () => {
    container.removeEventListener('pointerdown', onPointerDown, true)
    editor.off('before-event', beforeEvent)
    editor.off('event', afterEvent)
  }
}
