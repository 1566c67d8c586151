import { BaseBoxShapeUtil, HTMLContainer, type TLResizeInfo } from 'tldraw'
import {
  defaultShotProps,
  shotShapeMigrations,
  shotShapeProps,
  type ShotShapeProps,
  type TLShotShape,
} from '@storyloom/shared/storyboard/shotShape'
import { ShotPanel } from './ShotPanel'

/**
 * The shot shape: a storyboard panel. Props and migrations come from `shared`, so what the
 * canvas writes is exactly what the server validates.
 */
export class ShotShapeUtil extends BaseBoxShapeUtil<TLShotShape> {
  static override type = 'shot' as const
  static override props = shotShapeProps
  static override migrations = shotShapeMigrations

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
