import type { MotionPoint } from '@storyloom/shared/storyboard/motionShape'
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
import { cornerLabelledMoves, LABEL_ASCENT, LABEL_HEIGHT, stackedLabelPosition } from './motion/cornerLabels'
import { motionDrawing } from './motion/motionDrawing'
import '../styles/motion.css'

/** The label of a motion kind: the camera movement's label, or "Subject". */
export function motionKindLabel(kind: MotionShapeProps['kind']): string {
  return kind === 'subject' ? 'Subject' : (CAMERA_MOVEMENTS.find((m) => m.id === kind)?.label ?? kind)
}

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

  /**
   * The labels that `shape` stands for, each with its baseline: a subject path's own; a camera
   * move's in the frame's corner, stacked below the shot's earlier moves' labels (`slot` 0 is
   * the corner).
   */
  private labels(shape: TLMotionShape): { id: TLMotionShape['id']; text: string; at: MotionPoint }[] {
    const { art } = motionDrawing(shape.props)
    if (!art.cornerLabel) return [{ id: shape.id, text: labelOf(shape), at: art.label }]
    const moves = cornerLabelledMoves(this.editor, shape)
    const columnWidth = Math.max(...moves.map((m) => labelWidth(labelOf(m))))
    return moves.map((m, slot) => ({ id: m.id, text: labelOf(m), at: stackedLabelPosition(slot, shape.props.h, columnWidth) }))
  }

  override getGeometry(shape: TLMotionShape): Geometry2d {
    const { art } = motionDrawing(shape.props)
    const at = this.labels(shape).find((l) => l.id === shape.id)?.at ?? art.label
    const ink = [...art.strokes, ...art.guides].map(
      (points) => new Polyline2d({ points: points.map((p) => new Vec(p.x, p.y)) }),
    )
    const label = new Rectangle2d({
      x: at.x - 5,
      y: at.y - LABEL_ASCENT,
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
    // A shot's camera-move labels are all drawn by its topmost move, so no move's ink crosses
    // another's label (each move's own label box still selects it: see getGeometry).
    const all = this.labels(shape)
    const drawn = !art.cornerLabel || all.at(-1)?.id === shape.id ? all : []
    // One path per layer (guides, halo, ink), each holding all its strokes as subpaths: Chrome
    // restyles every SVG element of every annotation in view at each zoom step, so fewer
    // elements make zooming a large board cheaper; the picture is the same.
    return (
      <SVGContainer className="motion-annotation" data-motion-kind={shape.props.kind} fill="none" strokeLinecap="round" strokeLinejoin="round">
        {guidesPath && <path className="motion-annotation__guide" d={guidesPath} />}
        {strokesPath && <path className="motion-annotation__halo" d={strokesPath} strokeWidth={art.width + 5} />}
        {strokesPath && <path className="motion-annotation__ink" d={strokesPath} strokeWidth={art.width} />}
        {drawn.map(({ id, text, at }) => (
          <g key={id}>
            <rect
              className="motion-annotation__label-back"
              x={at.x - 5}
              y={at.y - LABEL_ASCENT}
              width={labelWidth(text)}
              height={LABEL_HEIGHT}
              rx={4}
            />
            <text className="motion-annotation__label" x={at.x} y={at.y}>
              {text}
            </text>
          </g>
        ))}
      </SVGContainer>
    )
  }

  override getIndicatorPath(shape: TLMotionShape): Path2D {
    const path = new Path2D()
    for (const d of motionDrawing(shape.props).strokePaths) path.addPath(new Path2D(d))
    return path
  }
}
