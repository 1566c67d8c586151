import { StateNode, createBindingId, createShapeId, type TLShapeId } from 'tldraw'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { MAX_MOTION_PATH_POINTS, MOTION_PATH_MAX, MOTION_PATH_MIN } from '@storyloom/shared/storyboard/limits'
import { defaultMotionProps, type MotionPoint, type TLMotionShape } from '@storyloom/shared/storyboard/motionShape'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotFrameRect } from '../shotLayout'
import { addedByAClick, motionFromDrag, type MotionFamily } from './motionFamilies'
import { motionToolFamily } from './motionToolFamily'
import { pointInShotFrame, shotAtPoint } from './shotAtPoint'

/** The camera-move tool's id, also its toolbar item's id (`tools.camera-move` in tests). */
export const MOTION_TOOL_ID = 'camera-move'

/** Points of a drawn path closer than this (in frame fractions) to the last one are skipped. */
const PATH_STEP = 0.012

function clampToPathRange(p: MotionPoint): MotionPoint {
  const clamp = (v: number) => Math.min(MOTION_PATH_MAX, Math.max(MOTION_PATH_MIN, v))
  return { x: clamp(p.x), y: clamp(p.y) }
}

type Drag = {
  markId: string
  family: MotionFamily
  shotId: TLShapeId
  motionId: TLShapeId
  start: MotionPoint
  path: MotionPoint[]
  /** Whether the pointer moved far enough to count as a drag: a click draws no move, except a directionless one (dolly, zoom). */
  dragged: boolean
}

/**
 * Puts the move chosen in the tool's palette on a shot: press on the shot and drag the way the
 * camera goes (for a dolly or zoom, which go along the lens, a click will do; for a subject path,
 * draw the path in the frame). The direction snaps to the
 * nearest of eight; holding Shift keeps the exact angle. The annotation shows as you drag, is
 * bound to the shot, and is one undo step together with the shot's camera line update.
 */
export class MotionTool extends StateNode {
  static override id = MOTION_TOOL_ID
  private drag: Drag | null = null

  override onEnter() {
    this.editor.setCursor({ type: 'cross', rotation: 0 })
  }

  override onExit() {
    this.drag = null
  }

  override onPointerDown() {
    const editor = this.editor
    const point = editor.inputs.getCurrentPagePoint()
    const shot = shotAtPoint(editor, point)
    if (!shot) return
    const start = clampToPathRange(pointInShotFrame(editor, shot, point))
    const family = motionToolFamily.get()
    const markId = editor.markHistoryStoppingPoint('add camera move')
    const motionId = createShapeId()
    const { kind, direction } = motionFromDrag(family, { x: 0, y: 0 })
    editor.run(() => {
      editor.createShape<TLMotionShape>({
        id: motionId,
        type: 'motion',
        x: shot.x,
        y: shot.y,
        props: { ...defaultMotionProps(), kind, direction, path: family === 'subject' ? [start] : [] },
      })
      // The binding puts the annotation on the shot's frame (see AnnotationBindingUtil).
      editor.createBinding({ id: createBindingId(), type: ANNOTATION_BINDING_TYPE, fromId: motionId, toId: shot.id, props: {} })
    })
    this.drag = { markId, family, shotId: shot.id, motionId, start, path: [start], dragged: false }
  }

  override onPointerMove() {
    this.follow()
  }

  // Shift pressed or let go mid-drag frees or snaps the direction without moving the pointer.
  override onKeyDown() {
    this.follow()
  }

  override onKeyUp() {
    this.follow()
  }

  /** Updates the annotation being drawn to the pointer (and Shift). */
  private follow() {
    const drag = this.drag
    if (!drag || !this.editor.inputs.getIsDragging()) return
    drag.dragged = true
    const editor = this.editor
    const shot = editor.getShape<TLShotShape>(drag.shotId)
    if (!shot) return
    const current = clampToPathRange(pointInShotFrame(editor, shot, editor.inputs.getCurrentPagePoint()))
    const family = motionToolFamily.get()
    // Frame fractions are not square: the direction is the drag's as seen, the way the arrow is drawn.
    const frame = shotFrameRect(shot.props.w, shot.props.h, shot.props.aspect)
    const vector = { x: ((current.x - drag.start.x) * frame.width) / frame.height, y: current.y - drag.start.y }
    if (family === 'subject') {
      const last = drag.path[drag.path.length - 1]!
      if (Math.hypot(current.x - last.x, current.y - last.y) < PATH_STEP || drag.path.length >= MAX_MOTION_PATH_POINTS) return
      drag.path = [...drag.path, current]
      const { direction } = motionFromDrag('subject', vector)
      editor.updateShape<TLMotionShape>({ id: drag.motionId, type: 'motion', props: { path: drag.path, direction } })
      return
    }
    const free = editor.inputs.getShiftKey()
    const { kind, direction } = motionFromDrag(family, vector, { free })
    editor.updateShape<TLMotionShape>({ id: drag.motionId, type: 'motion', props: { kind, direction } })
  }

  override onPointerUp() {
    const drag = this.drag
    this.drag = null
    if (!drag) return
    const editor = this.editor
    const motion = editor.getShape<TLMotionShape>(drag.motionId)
    const shot = editor.getShape<TLShotShape>(drag.shotId)
    if (!motion || !shot) return
    if ((!drag.dragged && !addedByAClick(drag.family)) || (motion.props.kind === 'subject' && motion.props.path.length < 2)) {
      // A click says no direction (a camera move would be a silent pan right) and is not a
      // path: leave nothing behind. A dolly or zoom has no direction to give: a click is it.
      editor.bailToMark(drag.markId)
      return
    }
    if (motion.props.kind !== 'subject') {
      // The camera line says what the camera does: the move just drawn.
      editor.updateShape<TLShotShape>({ id: shot.id, type: 'shot', props: { camera: { ...shot.props.camera, movement: motion.props.kind } } })
    }
    editor.select(motion.id)
    editor.setCurrentTool('select')
  }

  override onCancel() {
    if (this.drag) this.editor.bailToMark(this.drag.markId)
    this.drag = null
    this.editor.setCurrentTool('select')
  }

  override onInterrupt() {
    this.onCancel()
  }
}
