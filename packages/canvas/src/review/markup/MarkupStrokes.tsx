import { MARKUP_COLOR_VALUES, type MarkupStroke } from '@storyloom/shared/review/commentMarkup'
import { svgPoints } from './markupGeometry'

type MarkupStrokesProps = {
  strokes: readonly MarkupStroke[]
  /** Line width on screen, in CSS pixels, at any size of the frame. */
  width: number
}

/**
 * A drawing's strokes as SVG in the frame's coordinates (viewBox 0..1, stretched over the frame's
 * box), each with a dark halo so it reads over a light or a dark picture. Drawn for the eye only:
 * whoever shows it gives the text alternative.
 */
export function MarkupStrokes({ strokes, width }: MarkupStrokesProps) {
  return (
    <svg className="markup-strokes" viewBox="0 0 1 1" preserveAspectRatio="none" aria-hidden="true" focusable="false">
      {strokes.map((stroke, i) => {
        // A one-point stroke (a tap) is a dot: a zero-length line with round caps.
        const points = svgPoints(stroke.points.length === 1 ? [stroke.points[0]!, stroke.points[0]!] : stroke.points)
        return (
          <g key={i} data-color={stroke.color}>
            <polyline points={points} className="markup-strokes__halo" strokeWidth={width + 2} vectorEffect="non-scaling-stroke" />
            <polyline points={points} stroke={MARKUP_COLOR_VALUES[stroke.color]} strokeWidth={width} vectorEffect="non-scaling-stroke" />
          </g>
        )
      })}
    </svg>
  )
}
