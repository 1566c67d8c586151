import { BaseBoxShapeUtil, SVGContainer } from 'tldraw'
import {
  defaultMotionProps,
  directionToVector,
  motionShapeMigrations,
  motionShapeProps,
  speedLabel,
  type MotionShapeProps,
  type TLMotionShape,
} from '@storyloom/shared/storyboard/motionShape'
import { CAMERA_MOVEMENTS } from '@storyloom/shared/storyboard/vocabulary'

/** The label of a motion kind: the camera movement's label, or "Subject". */
function kindLabel(kind: MotionShapeProps['kind']): string {
  return kind === 'subject' ? 'Subject' : (CAMERA_MOVEMENTS.find((m) => m.id === kind)?.label ?? kind)
}

/**
 * A camera move or subject motion, drawn like a storyboard artist's arrow: across its box in
 * its direction (or along its path for a subject), thicker when stronger, labelled with the
 * move and its speed. There is no tool for it yet; it renders what the doc holds.
 */
export class MotionShapeUtil extends BaseBoxShapeUtil<TLMotionShape> {
  static override type = 'motion' as const
  static override props = motionShapeProps
  static override migrations = motionShapeMigrations

  override getDefaultProps(): MotionShapeProps {
    return defaultMotionProps()
  }

  override component(shape: TLMotionShape) {
    const { w, h, kind, direction, speed, strength, path } = shape.props
    const stroke = 2 + strength * 4
    let d: string
    let tip: { x: number; y: number; angle: number }
    if (kind === 'subject' && path.length >= 2) {
      const points = path.map((p) => ({ x: p.x * w, y: p.y * h }))
      d = points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x},${p.y}`).join(' ')
      const [a, b] = [points.at(-2)!, points.at(-1)!]
      tip = { x: b.x, y: b.y, angle: Math.atan2(b.y - a.y, b.x - a.x) }
    } else {
      // From one side of the box through its centre to the other, in the move's direction.
      const v = directionToVector(direction)
      const reach = Math.min(Math.abs(v.x) > 1e-6 ? w / 2 / Math.abs(v.x) : Infinity, Math.abs(v.y) > 1e-6 ? h / 2 / Math.abs(v.y) : Infinity) - stroke * 2
      const from = { x: w / 2 - v.x * reach, y: h / 2 - v.y * reach }
      const to = { x: w / 2 + v.x * reach, y: h / 2 + v.y * reach }
      d = `M${from.x},${from.y} L${to.x},${to.y}`
      tip = { ...to, angle: Math.atan2(v.y, v.x) }
    }
    const head = 8 + stroke * 2
    const left = { x: tip.x - head * Math.cos(tip.angle - 0.45), y: tip.y - head * Math.sin(tip.angle - 0.45) }
    const right = { x: tip.x - head * Math.cos(tip.angle + 0.45), y: tip.y - head * Math.sin(tip.angle + 0.45) }
    return (
      <SVGContainer>
        <g className="motion-arrow" stroke="currentColor" fill="none" strokeLinecap="round" strokeLinejoin="round">
          <path d={d} strokeWidth={stroke} />
          <path d={`M${left.x},${left.y} L${tip.x},${tip.y} L${right.x},${right.y}`} strokeWidth={stroke} />
        </g>
        <text x={4} y={12} fontSize={11} fill="currentColor">
          {`${kindLabel(kind)} · ${speedLabel(speed)}`}
        </text>
      </SVGContainer>
    )
  }

  override getIndicatorPath(shape: TLMotionShape): Path2D {
    const path = new Path2D()
    path.rect(0, 0, shape.props.w, shape.props.h)
    return path
  }
}
