import { BaseFrameLikeShapeUtil, HTMLContainer, Vec, type TLResizeInfo, type TLShape } from 'tldraw'
import {
  defaultShotProps,
  shotShapeMigrations,
  shotShapeProps,
  type ShotShapeProps,
  type TLShotShape,
} from '@storyloom/shared/storyboard/shotShape'
import { ShotPanel } from './ShotPanel'
import { shotSketchClip, shotTakesSketchOf } from './shotSketch'
import { fitSketchToFrame } from './fitSketchToFrame'

/**
 * The shot shape: a storyboard panel. Props and migrations come from `shared`, so what the
 * canvas writes is exactly what the server validates.
 *
 * Like tldraw's frame, a shot holds the sketch drawn in its frame with tldraw's own tools
 * (draw, geo, arrow, text…): those shapes become its children, are clipped to the frame and
 * move with the shot; dragging them out puts them back on the page.
 */
export class ShotShapeUtil extends BaseFrameLikeShapeUtil<TLShotShape> {
  static override type = 'shot' as const
  static override props = shotShapeProps
  static override migrations = shotShapeMigrations

  // A shot is selected by a click anywhere on its panel, as before; "frame-like" in tldraw
  // would make its body click-through and its selection edge-only.
  override isFrameLike(): boolean {
    return false
  }

  override canReceiveNewChildrenOfType(shape: TLShotShape, type: TLShape['type']): boolean {
    return shotTakesSketchOf(shape, type)
  }

  override getClipPath(shape: TLShotShape): Vec[] {
    return shotSketchClip(shape).map(Vec.From)
  }

  override getDefaultProps(): ShotShapeProps {
    return defaultShotProps()
  }

  /** Double-click or Enter edits the title in place. */
  override canEdit(): boolean {
    return true
  }

  override getText(shape: TLShotShape): string {
    return [shape.props.title, shape.props.action, shape.props.dialogue].filter(Boolean).join('\n')
  }

  override onResize(shape: TLShotShape, info: TLResizeInfo<TLShotShape>) {
    const next = super.onResize(shape, info) as TLShotShape
    // Validators refuse sizes of 0 and tldraw can reach them while flipping through a resize.
    return { ...next, props: { ...next.props, w: Math.max(80, next.props.w), h: Math.max(80, next.props.h) } }
  }

  /**
   * tldraw stretches the sketch with the whole panel while it is resized; once the resize ends
   * the sketch is fitted to the frame instead, which keeps its aspect ratio and sits between
   * the header and the camera line.
   */
  override onResizeEnd(initial: TLShotShape, current: TLShotShape) {
    fitSketchToFrame(this.editor, current.id, initial.props, current.props, {
      x: current.props.w / initial.props.w,
      y: current.props.h / initial.props.h,
    })
    return undefined
  }

  override component(shape: TLShotShape) {
    return (
      <HTMLContainer>
        <ShotPanel shape={shape} />
      </HTMLContainer>
    )
  }

  override getIndicatorPath(shape: TLShotShape): Path2D {
    const path = new Path2D()
    path.roundRect(0, 0, shape.props.w, shape.props.h, 6)
    return path
  }
}
