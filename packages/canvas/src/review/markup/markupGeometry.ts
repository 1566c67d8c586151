import {
  MARKUP_COORDINATE_DECIMALS,
  MAX_MARKUP_POINTS,
  MAX_MARKUP_STROKES,
  MAX_STROKE_POINTS,
  markupPointCount,
  type CommentMarkup,
  type MarkupStroke,
} from '@storyloom/shared/review/commentMarkup'

/** A point in the frame's own coordinates: 0..1 across and down from its top left. */
export type FramePoint = [number, number]
/** A rectangle on screen (CSS pixels). */
export type ScreenRect = { x: number; y: number; width: number; height: number }

/**
 * Where a frame of `aspect` (width / height) sits in a box, as large as fits and centred: the
 * stage letterboxes (bars above and below) or pillarboxes (bars at the sides) the shot's frame.
 */
export function letterboxRect(box: ScreenRect, aspect: number): ScreenRect {
  if (box.width <= 0 || box.height <= 0 || !(aspect > 0)) return { x: box.x, y: box.y, width: 0, height: 0 }
  const width = Math.min(box.width, box.height * aspect)
  const height = width / aspect
  return { x: box.x + (box.width - width) / 2, y: box.y + (box.height - height) / 2, width, height }
}

const round = (v: number) => Number(v.toFixed(MARKUP_COORDINATE_DECIMALS))
const clamp01 = (v: number) => Math.min(1, Math.max(0, v))

/** A point on screen in the frame's coordinates; off the frame (a stroke run past its edge), held on its edge. */
export function toFramePoint(x: number, y: number, frame: ScreenRect): FramePoint {
  if (frame.width <= 0 || frame.height <= 0) return [0, 0]
  return [round(clamp01((x - frame.x) / frame.width)), round(clamp01((y - frame.y) / frame.height))]
}

/** Where a frame point is on screen. */
export function fromFramePoint([x, y]: FramePoint, frame: ScreenRect): { x: number; y: number } {
  return { x: frame.x + x * frame.width, y: frame.y + y * frame.height }
}

/** How far `p` is from the segment a–b (in frame units; the frame is scaled as drawn, by `aspect`). */
function distanceToSegment(p: FramePoint, a: FramePoint, b: FramePoint, aspect: number): number {
  const [px, py, ax, ay, bx, by] = [p[0] * aspect, p[1], a[0] * aspect, a[1], b[0] * aspect, b[1]]
  const dx = bx - ax
  const dy = by - ay
  const length2 = dx * dx + dy * dy
  const t = length2 === 0 ? 0 : Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / length2))
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy))
}

/** Ramer–Douglas–Peucker: the fewest points that stay within `tolerance` of the line drawn. */
function ramerDouglasPeucker(points: readonly FramePoint[], tolerance: number, aspect: number): FramePoint[] {
  if (points.length <= 2) return [...points]
  const first = points[0]!
  const last = points.at(-1)!
  let farthest = 0
  let at = 0
  for (let i = 1; i < points.length - 1; i++) {
    const d = distanceToSegment(points[i]!, first, last, aspect)
    if (d > farthest) [farthest, at] = [d, i]
  }
  if (farthest <= tolerance) return [first, last]
  return [...ramerDouglasPeucker(points.slice(0, at + 1), tolerance, aspect).slice(0, -1), ...ramerDouglasPeucker(points.slice(at), tolerance, aspect)]
}

/** Finest simplification, in frame heights: a fifth of a percent, under a pixel on most stages. */
const BASE_TOLERANCE = 0.002

/**
 * A freehand stroke as it is kept: repeated points dropped, simplified (RDP) within a fraction of
 * the frame, coarser until it has at most `maxPoints` (MAX_STROKE_POINTS), so a long scribble still fits.
 */
export function simplifyStroke(points: readonly FramePoint[], aspect = 1, maxPoints = MAX_STROKE_POINTS): FramePoint[] {
  const distinct = points.filter((p, i) => i === 0 || p[0] !== points[i - 1]![0] || p[1] !== points[i - 1]![1])
  let tolerance = BASE_TOLERANCE
  let simplified = ramerDouglasPeucker(distinct, tolerance, aspect)
  while (simplified.length > maxPoints) {
    tolerance *= 1.5
    simplified = ramerDouglasPeucker(distinct, tolerance, aspect)
  }
  return simplified
}

/** Why a stroke could not be added, for the person drawing; undefined when it was. */
export type StrokeRefusal = 'too-many-strokes' | 'too-many-points'

/**
 * The drawing with one more stroke (already simplified), or a refusal when it would exceed the
 * server's bounds (MAX_MARKUP_STROKES strokes, MAX_MARKUP_POINTS points in all).
 */
export function withStroke(markup: CommentMarkup | undefined, stroke: MarkupStroke): { markup: CommentMarkup } | { refused: StrokeRefusal } {
  const strokes = markup?.strokes ?? []
  if (strokes.length >= MAX_MARKUP_STROKES) return { refused: 'too-many-strokes' }
  if (markupPointCount(strokes) + stroke.points.length > MAX_MARKUP_POINTS) return { refused: 'too-many-points' }
  return { markup: { strokes: [...strokes, stroke] } }
}

/** The drawing without its last stroke; undefined once none is left. */
export function withoutLastStroke(markup: CommentMarkup | undefined): CommentMarkup | undefined {
  const strokes = markup?.strokes.slice(0, -1) ?? []
  return strokes.length > 0 ? { strokes } : undefined
}

/** An SVG polyline's `points` for a stroke in a 0..1 viewBox. */
export function svgPoints(points: readonly (readonly [number, number])[]): string {
  return points.map(([x, y]) => `${x},${y}`).join(' ')
}
