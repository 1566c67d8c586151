import { frameGuideGeometry, type FrameGuides } from '@storyloom/shared/storyboard/frameGuides'
import { frameGuidePaths } from './frameGuidePaths'
import '../../styles/frame-guides.css'

/** A frame guides choice that draws something. */
export type DrawnFrameGuides = Exclude<FrameGuides, 'none'>

/**
 * Frame guides (thirds, safe areas, centre cross) filling their box, drawn for a `width` ×
 * `height` frame: give the box that aspect ratio. Each guide is a light line on a dark halo, so
 * it reads over a dark picture, a light one and the empty paper alike. Never takes a pointer, and
 * is no content for screen readers (it is a drawing aid, not part of the picture).
 */
export function FrameGuideSvg({ width, height, guides }: { width: number; height: number; guides: DrawnFrameGuides }) {
  const layers = frameGuidePaths(frameGuideGeometry(width, height, guides))
  return (
    <svg
      className="frame-guides"
      data-testid="frame-guides"
      data-guides={guides}
      viewBox={`0 0 ${width} ${height}`}
      preserveAspectRatio="none"
      aria-hidden
    >
      {layers.map(({ role, halo }) => (
        <path key={role} className={`frame-guides__halo frame-guides__${role}`} d={halo} />
      ))}
      {layers.flatMap(({ role, lines }) =>
        lines.map((d, i) => <path key={`${role}-${i}`} className={`frame-guides__line frame-guides__${role}`} data-role={role} d={d} />),
      )}
    </svg>
  )
}
