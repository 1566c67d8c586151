import type { MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import { motionDrawing } from './motionDrawing'
import type { MotionLabel } from './shotMotionLabels'
import '../../styles/motion.css'

/** The presentation attributes every motion annotation's SVG is drawn with (on its `svg` or `g`). */
export const MOTION_SVG_ATTRIBUTES = { fill: 'none', strokeLinecap: 'round', strokeLinejoin: 'round' } as const

type MotionAnnotationArtProps = {
  /** The annotation's props: it is drawn in their w × h box, the shot's frame. */
  props: MotionShapeProps
  /** The shot's labels this annotation draws over its ink (see shotMotionLabels): all of them for the shot's topmost annotation, none for the others. */
  labels: readonly MotionLabel[]
}

/**
 * A camera move or subject motion as drawn over its shot's frame, in the frame's coordinates:
 * dashed guides, then the ink with its white halo, then `labels` on their backings. The one
 * drawing of an annotation: the canvas (MotionShapeUtil) and the printed storyboard both use it,
 * inside an element carrying {@link MOTION_SVG_ATTRIBUTES} and the `motion-annotation` class.
 */
export function MotionAnnotationArt({ props, labels }: MotionAnnotationArtProps) {
  const { art, strokesPath, guidesPath } = motionDrawing(props)
  // One path per layer (guides, halo, ink), each holding all its strokes as subpaths: Chrome
  // restyles every SVG element of every annotation in view at each zoom step, so fewer
  // elements make zooming a large board cheaper; the picture is the same.
  return (
    <>
      {guidesPath && <path className="motion-annotation__guide" d={guidesPath} />}
      {strokesPath && <path className="motion-annotation__halo" d={strokesPath} strokeWidth={art.width + 5} />}
      {strokesPath && <path className="motion-annotation__ink" d={strokesPath} strokeWidth={art.width} />}
      {labels.map(({ id, text, full, at, box }) => (
        <g key={id}>
          {text !== full && <title>{full}</title>}
          <rect className="motion-annotation__label-back" x={box.x} y={box.y} width={box.w} height={box.h} rx={4} />
          <text className="motion-annotation__label" x={at.x} y={at.y}>
            {text}
          </text>
        </g>
      ))}
    </>
  )
}
