import { BaseBoxShapeUtil, Group2d, Polyline2d, Rectangle2d, SVGContainer, Vec, type Geometry2d, type VecLike } from 'tldraw'
import {
  defaultMotionProps,
  motionShapeMigrations,
  motionShapeProps,
  type MotionShapeProps,
  type TLMotionShape,
} from '@storyloom/shared/storyboard/motionShape'
import { shotAnnotations } from './motion/cornerLabels'
import { labelBoxAt, labelWidth, type LabelBox } from './motion/labelFit'
import { MOTION_SVG_ATTRIBUTES, MotionAnnotationArt } from './motion/MotionAnnotationArt'
import { motionDrawing } from './motion/motionDrawing'
import { motionLabelText, shotMotionLabels } from './motion/shotMotionLabels'

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

  override getGeometry(shape: TLMotionShape): Geometry2d {
    const { art } = motionDrawing(shape.props)
    const all = shotMotionLabels(shotAnnotations(this.editor, shape))
    const own = all.find((l) => l.id === shape.id)
    const box = own?.box ?? labelBoxAt(art.label, labelWidth(motionLabelText(shape.props)))
    const ink = [...art.strokes, ...art.guides].map(
      (points) => new Polyline2d({ points: points.map((p) => new Vec(p.x, p.y)) }),
    )
    const label = new Rectangle2d({ x: box.x, y: box.y, width: box.w, height: box.h, isFilled: true })
    // The label first: tldraw treats a group whose first child is filled as filled, so a click
    // on the label selects the annotation rather than the shot under it.
    return new AnnotationGeometry({ children: [label, ...ink] }, all.flatMap((l) => (l.id === shape.id ? [] : [l.box])))
  }

  override component(shape: TLMotionShape) {
    // A shot's labels (its camera moves' and its subject paths') are all drawn by its topmost
    // annotation, above every annotation's ink: a subject path crossing the corner, or a move's
    // arrow crossing a subject's label, passes under the label's backing and the label reads.
    // Each annotation's own label box still selects it (see getGeometry).
    const annotations = shotAnnotations(this.editor, shape)
    const drawn = annotations.at(-1)?.id === shape.id ? shotMotionLabels(annotations) : []
    // overflow="visible" as an attribute, not only in motion.css: tldraw exports the shape as its
    // DOM with computed styles inlined, and drops this one, so the exported SVG clipped the
    // drawing to its hit area's size (a path low in the frame was cut off or lost).
    return (
      <SVGContainer className="motion-annotation" data-motion-kind={shape.props.kind} overflow="visible" {...MOTION_SVG_ATTRIBUTES}>
        <MotionAnnotationArt props={shape.props} labels={drawn} />
      </SVGContainer>
    )
  }

  override getIndicatorPath(shape: TLMotionShape): Path2D {
    const path = new Path2D()
    for (const d of motionDrawing(shape.props).strokePaths) path.addPath(new Path2D(d))
    return path
  }
}
