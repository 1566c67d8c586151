import { Mat, type Editor } from 'tldraw'
import type { ShotShapeProps, TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { sketchFrameChange } from './shotSketch'

type FrameProps = Pick<ShotShapeProps, 'w' | 'h' | 'aspect'>

/**
 * Moves and scales a shot's sketch (its child shapes) from the frame of `before` to the frame
 * of `after`, so resizing a panel or changing its aspect ratio keeps the drawing where it was
 * in the frame. `scaledBy` is how much the children were already stretched with the panel
 * (tldraw's resize scales them with the whole panel box, header and text included); that
 * stretch is replaced by the frame's own, uniform scale. Call it inside the same `editor.run`
 * or history step as the shot's own change.
 */
export function fitSketchToFrame(
  editor: Editor,
  shotId: TLShotShape['id'],
  before: FrameProps,
  after: FrameProps,
  scaledBy: { x: number; y: number } = { x: 1, y: 1 },
): void {
  const change = sketchFrameChange(before, after)
  const k = { x: scaledBy.x || 1, y: scaledBy.y || 1 }
  const unchanged = (n: number) => Math.abs(n - 1) < 1e-9
  if (!change && unchanged(k.x) && unchanged(k.y)) return
  const { from, to, scale } = change ?? { from: { x: 0, y: 0 }, to: { x: 0, y: 0 }, scale: 1 }
  for (const childId of editor.getSortedChildIdsForParent(shotId)) {
    const child = editor.getShape(childId)
    if (!child) continue
    // Where the child was before the panel stretched it.
    const original = { x: child.x / k.x, y: child.y / k.y }
    const rescale = { x: scale / k.x, y: scale / k.y }
    if (!unchanged(rescale.x) || !unchanged(rescale.y)) {
      // About its own origin, so this step leaves its position in the shot alone.
      const origin = Mat.applyToPoint(editor.getShapePageTransform(child), { x: 0, y: 0 })
      editor.resizeShape(child, rescale, { scaleOrigin: origin, isAspectRatioLocked: false })
    }
    editor.updateShape({
      id: child.id,
      type: child.type,
      x: to.x + (original.x - from.x) * scale,
      y: to.y + (original.y - from.y) * scale,
    })
  }
}
