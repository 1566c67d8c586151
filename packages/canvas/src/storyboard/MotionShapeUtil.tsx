import { BaseBoxShapeUtil, Group2d, Polyline2d, Rectangle2d, SVGContainer, Vec, type Geometry2d } from 'tldraw'
import {
  defaultMotionProps,
  motionShapeMigrations,
  motionShapeProps,
  speedLabel,
  type MotionShapeProps,
  type TLMotionShape,
} from '@storyloom/shared/storyboard/motionShape'
import { CAMERA_MOVEMENTS } from '@storyloom/shared/storyboard/vocabulary'
import { motionDrawing } from './motion/motionDrawing'
import '../styles/motion.css'

/** The label of a motion kind: the camera movement's label, or "Subject". */
export function motionKindLabel(kind: MotionShapeProps['kind']): string {
  return kind === 'subject' ? 'Subject' : (CAMERA_MOVEMENTS.find((m) => m.id === kind)?.label ?? kind)
}

const LABEL_HEIGHT = 18

/** Roughly how wide a label is drawn (11px bold caps with letter spacing). */
function labelWidth(text: string): number {
  return text.length * 7.6 + 10
}

function labelOf(shape: TLMotionShape): string {
  return `${motionKindLabel(shape.props.kind)} · ${speedLabel(shape.props.speed)}`.toUpperCase()
}

/**
 * A camera move or subject motion, drawn like a storyboard artist's arrows over the shot's
 * frame (its box is the frame; the annotation binding keeps it there): thick ink with a white
 * halo so it reads over any image, bolder when stronger, labelled with the move and its speed.
 * Only the ink and the label can be clicked, so the shot under it stays easy to select.
 */
export class MotionShapeUtil extends BaseBoxShapeUtil<TLMotionShape> {
  static override type = 'motion' as const
  static override props = motionShapeProps
  static override migrations = motionShapeMigrations

  override getDefaultProps(): MotionShapeProps {
    return defaultMotionProps()
  }

  // Its box is the shot's frame, kept there by the annotation binding: edit it in the inspector.
  override canResize() {
    return false
  }
  override hideResizeHandles() {
    return true
  }
  override hideRotateHandle() {
    return true
  }
  override hideSelectionBoundsFg() {
    return true
  }

  override getGeometry(shape: TLMotionShape): Geometry2d {
    const { art } = motionDrawing(shape.props)
    const ink = [...art.strokes, ...art.guides].map(
      (points) => new Polyline2d({ points: points.map((p) => new Vec(p.x, p.y)) }),
    )
    const label = new Rectangle2d({
      x: art.label.x - 5,
      y: art.label.y - 13,
      width: labelWidth(labelOf(shape)),
      height: LABEL_HEIGHT,
      isFilled: true,
    })
    // The label first: tldraw treats a group whose first child is filled as filled, so a click
    // on the label selects the annotation rather than the shot under it.
    return new Group2d({ children: [label, ...ink] })
  }

  override component(shape: TLMotionShape) {
    const { art, strokesPath, guidesPath } = motionDrawing(shape.props)
    const text = labelOf(shape)
    // One path per layer (guides, halo, ink), each holding all its strokes as subpaths: Chrome
    // restyles every SVG element of every annotation in view at each zoom step, so fewer
    // elements make zooming a large board cheaper; the picture is the same.
    return (
      <SVGContainer className="motion-annotation" data-motion-kind={shape.props.kind} fill="none" strokeLinecap="round" strokeLinejoin="round">
        {guidesPath && <path className="motion-annotation__guide" d={guidesPath} />}
        {strokesPath && <path className="motion-annotation__halo" d={strokesPath} strokeWidth={art.width + 5} />}
        {strokesPath && <path className="motion-annotation__ink" d={strokesPath} strokeWidth={art.width} />}
        <rect
          className="motion-annotation__label-back"
          x={art.label.x - 5}
          y={art.label.y - 13}
          width={labelWidth(text)}
          height={LABEL_HEIGHT}
          rx={4}
        />
        <text className="motion-annotation__label" x={art.label.x} y={art.label.y}>
          {text}
        </text>
      </SVGContainer>
    )
  }

  override getIndicatorPath(shape: TLMotionShape): Path2D {
    const path = new Path2D()
    for (const d of motionDrawing(shape.props).strokePaths) path.addPath(new Path2D(d))
    return path
  }
}
