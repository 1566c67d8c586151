import type { MotionPoint } from '@storyloom/shared/storyboard/motionShape'
import { BaseBoxShapeUtil, Group2d, Polyline2d, Rectangle2d, SVGContainer, Vec, type Geometry2d, type VecLike } from 'tldraw'
import {
  defaultMotionProps,
  motionShapeMigrations,
  motionShapeProps,
  speedLabel,
  type MotionShapeProps,
  type TLMotionShape,
} from '@storyloom/shared/storyboard/motionShape'
import { CAMERA_MOVEMENTS } from '@storyloom/shared/storyboard/vocabulary'
import { cornerLabelledMoves, shotAnnotations, stackedLabelPosition } from './motion/cornerLabels'
import { clearOfCornerLabels, fitLabelText, labelBoxAt, labelWidth, type LabelBox } from './motion/labelFit'
import { CORNER_LABEL } from './motion/motionArt'
import { motionDrawing } from './motion/motionDrawing'
import '../styles/motion.css'

/** The label of a motion kind: the camera movement's label, or "Subject". */
export function motionKindLabel(kind: MotionShapeProps['kind']): string {
  return kind === 'subject' ? 'Subject' : (CAMERA_MOVEMENTS.find((m) => m.id === kind)?.label ?? kind)
}

/** A motion label as drawn: its text fitted to the frame, the full text, baseline and box. */
interface ShapeLabel {
  id: TLMotionShape['id']
  text: string
  full: string
  at: MotionPoint
  box: LabelBox
}

function labelOf(shape: TLMotionShape): string {
  return `${motionKindLabel(shape.props.kind)} · ${speedLabel(shape.props.speed)}`.toUpperCase()
}

/**
 * An annotation's hit area that lets a click on the shot's other annotations' labels through
 * to them: those labels are drawn above this annotation's ink (see the component), so a click
 * there means the label, not the ink under it.
 */
class AnnotationGeometry extends Group2d {
  constructor(
    config: ConstructorParameters<typeof Group2d>[0],
    private readonly othersLabels: readonly LabelBox[],
  ) {
    super(config)
  }

  override ignoreHit(point: VecLike): boolean {
    return this.othersLabels.some((b) => point.x >= b.x && point.x <= b.x + b.w && point.y >= b.y && point.y <= b.y + b.h)
  }
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
   * The labels that `shape` stands for, each with its baseline and box, shortened with an
   * ellipsis to end inside the frame (`full` is the whole text): a subject path's own, moved off
   * the shot's camera-move labels; a camera move's in the frame's corner, stacked below the
   * shot's earlier moves' labels (`slot` 0 is the corner).
   */
  private labels(shape: TLMotionShape): ShapeLabel[] {
    const { art } = motionDrawing(shape.props)
    const { w, h } = shape.props
    const moves = cornerLabelledMoves(this.editor, shape)
    const fitted = (m: TLMotionShape, at: MotionPoint): ShapeLabel => {
      const text = fitLabelText(labelOf(m), at.x, w)
      return { id: m.id, text, full: labelOf(m), at, box: labelBoxAt(at, labelWidth(text)) }
    }
    const stack = (): ShapeLabel[] => {
      const columnWidth = Math.max(...moves.map((m) => labelWidth(fitLabelText(labelOf(m), CORNER_LABEL.x, w))))
      return moves.map((m, slot) => fitted(m, stackedLabelPosition(slot, h, columnWidth)))
    }
    if (art.cornerLabel) return stack()
    const own = labelOf(shape)
    const corner = moves.some((m) => m.id !== shape.id) ? stack().map((l) => l.box) : []
    const at = clearOfCornerLabels(art.label, labelWidth(fitLabelText(own, art.label.x, w)), corner, h)
    return [fitted(shape, at)]
  }

  /**
   * Every label on the shot of `annotations` (drawing order): the camera moves' corner stack,
   * then each subject path's own.
   */
  private shotLabels(annotations: readonly TLMotionShape[]): ShapeLabel[] {
    const corner = annotations.find((m) => motionDrawing(m.props).art.cornerLabel)
    const paths = annotations.filter((m) => !motionDrawing(m.props).art.cornerLabel)
    return [...(corner ? this.labels(corner) : []), ...paths.flatMap((m) => this.labels(m))]
  }

  override getGeometry(shape: TLMotionShape): Geometry2d {
    const { art } = motionDrawing(shape.props)
    const all = this.shotLabels(shotAnnotations(this.editor, shape))
    const own = all.find((l) => l.id === shape.id)
    const box = own?.box ?? labelBoxAt(art.label, labelWidth(labelOf(shape)))
    const ink = [...art.strokes, ...art.guides].map(
      (points) => new Polyline2d({ points: points.map((p) => new Vec(p.x, p.y)) }),
    )
    const label = new Rectangle2d({ x: box.x, y: box.y, width: box.w, height: box.h, isFilled: true })
    // The label first: tldraw treats a group whose first child is filled as filled, so a click
    // on the label selects the annotation rather than the shot under it.
    return new AnnotationGeometry({ children: [label, ...ink] }, all.flatMap((l) => (l.id === shape.id ? [] : [l.box])))
  }

  override component(shape: TLMotionShape) {
    const { art, strokesPath, guidesPath } = motionDrawing(shape.props)
    // A shot's labels (its camera moves' and its subject paths') are all drawn by its topmost
    // annotation, above every annotation's ink: a subject path crossing the corner, or a move's
    // arrow crossing a subject's label, passes under the label's backing and the label reads.
    // Each annotation's own label box still selects it (see getGeometry).
    const annotations = shotAnnotations(this.editor, shape)
    const drawn = annotations.at(-1)?.id === shape.id ? this.shotLabels(annotations) : []
    // One path per layer (guides, halo, ink), each holding all its strokes as subpaths: Chrome
    // restyles every SVG element of every annotation in view at each zoom step, so fewer
    // elements make zooming a large board cheaper; the picture is the same.
    // overflow="visible" as an attribute, not only in motion.css: tldraw exports the shape as its
    // DOM with computed styles inlined, and drops this one, so the exported SVG clipped the
    // drawing to its hit area's size (a path low in the frame was cut off or lost).
    return (
      <SVGContainer className="motion-annotation" data-motion-kind={shape.props.kind} overflow="visible" fill="none" strokeLinecap="round" strokeLinejoin="round">
        {guidesPath && <path className="motion-annotation__guide" d={guidesPath} />}
        {strokesPath && <path className="motion-annotation__halo" d={strokesPath} strokeWidth={art.width + 5} />}
        {strokesPath && <path className="motion-annotation__ink" d={strokesPath} strokeWidth={art.width} />}
        {drawn.map(({ id, text, full, at, box }) => (
          <g key={id}>
            {text !== full && <title>{full}</title>}
            <rect className="motion-annotation__label-back" x={box.x} y={box.y} width={box.w} height={box.h} rx={4} />
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
