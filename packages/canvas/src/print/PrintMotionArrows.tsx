import { MOTION_SVG_ATTRIBUTES, MotionAnnotationArt } from '../storyboard/motion/MotionAnnotationArt'
import { shotMotionLabels, type MotionAnnotation } from '../storyboard/motion/shotMotionLabels'

/**
 * A printed frame's camera-move and subject-motion arrows: its shot's motion annotations
 * (drawing order, not empty) drawn as the canvas draws them over the frame — the same drawing
 * (MotionAnnotationArt), the topmost carrying the shot's labels — scaled from the canvas frame
 * to the printed one as vectors, and cut at the frame's edge.
 */
export function PrintMotionArrows({ annotations }: { annotations: readonly MotionAnnotation[] }) {
  // Annotations are kept on their frame (fitMotionToShot): every one's box is the frame's size.
  const { w, h } = annotations[0]!.props
  const labels = shotMotionLabels(annotations)
  return (
    <svg className="print-panel__arrows" data-testid="print-arrows" viewBox={`0 0 ${w} ${h}`} aria-hidden="true">
      {annotations.map((annotation, i) => (
        <g key={annotation.id} className="motion-annotation" data-motion-kind={annotation.props.kind} {...MOTION_SVG_ATTRIBUTES}>
          <MotionAnnotationArt props={annotation.props} labels={i === annotations.length - 1 ? labels : []} />
        </g>
      ))}
    </svg>
  )
}
