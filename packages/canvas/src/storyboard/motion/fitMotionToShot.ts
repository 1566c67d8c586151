import type { Editor, TLShapePartial } from 'tldraw'
import type { TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotFrameRect } from '../shotLayout'

const EPSILON = 0.01

/**
 * The change that puts a motion annotation exactly over its shot's frame (position, rotation
 * and size), or null when it is already there. Annotations are drawn in frame coordinates, so
 * keeping the box on the frame is all it takes for them to move and scale with the shot.
 */
export function motionFitToShot(editor: Editor, motion: TLMotionShape, shot: TLShotShape): TLShapePartial<TLMotionShape> | null {
  const frame = shotFrameRect(shot.props.w, shot.props.h, shot.props.aspect)
  if (frame.width <= 0 || frame.height <= 0) return null
  const transform = editor.getShapePageTransform(shot.id)
  const pageTopLeft = transform.applyToPoint({ x: frame.x, y: frame.y })
  const { x, y } = editor.getPointInParentSpace(motion, pageTopLeft)
  const rotation = transform.rotation()
  const same =
    Math.abs(motion.x - x) < EPSILON &&
    Math.abs(motion.y - y) < EPSILON &&
    Math.abs(motion.rotation - rotation) < EPSILON &&
    Math.abs(motion.props.w - frame.width) < EPSILON &&
    Math.abs(motion.props.h - frame.height) < EPSILON
  if (same) return null
  return { id: motion.id, type: 'motion', x, y, rotation, props: { w: frame.width, h: frame.height } }
}
