import { directionToVector, type MotionPoint, type MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'

/**
 * How a motion annotation is drawn, as a storyboard artist would over a frame: polylines for
 * the ink (shafts and open arrowheads), dashed guides (a zoom's target framing, a rack focus's
 * two planes) and where its label goes. Pure, so the shape's SVG and its hit-test geometry are
 * built from the same points.
 */
export interface MotionArt {
  /** Thick ink strokes, each at least two points. */
  strokes: MotionPoint[][]
  /** Thin dashed guides, each at least two points. */
  guides: MotionPoint[][]
  /** The label's baseline start. */
  label: MotionPoint
  /** Whether the label is a camera move's, in the frame's top-left corner (stacked with the shot's other moves). */
  cornerLabel: boolean
  /** Stroke width for the ink, from the annotation's strength. */
  width: number
}

type Art = Omit<MotionArt, 'width' | 'cornerLabel'>

/** Camera moves are labelled in the frame's top-left corner, clear of the arrows through the middle. */
export const CORNER_LABEL: MotionPoint = { x: 10, y: 20 }

/** Ink width: a light annotation is drawn light, one the generator must follow is bold. */
export function motionStrokeWidth(strength: number): number {
  return 3 + strength * 5
}

function add(a: MotionPoint, b: MotionPoint, k = 1): MotionPoint {
  return { x: a.x + b.x * k, y: a.y + b.y * k }
}

function unit(p: MotionPoint): MotionPoint {
  const length = Math.hypot(p.x, p.y)
  return { x: p.x / length, y: p.y / length }
}

/** An open arrowhead at `tip` pointing along `angle` (radians). */
function arrowHead(tip: MotionPoint, angle: number, size: number): MotionPoint[] {
  const spread = 0.5
  return [
    { x: tip.x - size * Math.cos(angle - spread), y: tip.y - size * Math.sin(angle - spread) },
    tip,
    { x: tip.x - size * Math.cos(angle + spread), y: tip.y - size * Math.sin(angle + spread) },
  ]
}

/** The head at the end of a polyline, pointing the way its last segment goes. */
function headAtEnd(points: MotionPoint[], size: number): MotionPoint[] {
  const b = points[points.length - 1]!
  // Look back a little, so a wobbly last segment does not skew the head.
  const a = points[Math.max(0, points.length - 4)]!
  return arrowHead(b, Math.atan2(b.y - a.y, b.x - a.x), size)
}

function quadratic(a: MotionPoint, control: MotionPoint, b: MotionPoint, steps = 16): MotionPoint[] {
  const points: MotionPoint[] = []
  for (let i = 0; i <= steps; i++) {
    const t = i / steps
    const u = 1 - t
    points.push({ x: u * u * a.x + 2 * u * t * control.x + t * t * b.x, y: u * u * a.y + 2 * u * t * control.y + t * t * b.y })
  }
  return points
}

function ellipseArc(c: MotionPoint, rx: number, ry: number, fromDeg: number, toDeg: number, steps = 32): MotionPoint[] {
  const points: MotionPoint[] = []
  for (let i = 0; i <= steps; i++) {
    const a = ((fromDeg + ((toDeg - fromDeg) * i) / steps) * Math.PI) / 180
    points.push({ x: c.x + rx * Math.cos(a), y: c.y + ry * Math.sin(a) })
  }
  return points
}

/** One round of Chaikin smoothing: a drawn path reads as a confident pencil line. */
function smooth(points: MotionPoint[]): MotionPoint[] {
  if (points.length < 3) return points
  const out: MotionPoint[] = [points[0]!]
  for (let i = 0; i < points.length - 1; i++) {
    const a = points[i]!
    const b = points[i + 1]!
    out.push({ x: 0.75 * a.x + 0.25 * b.x, y: 0.75 * a.y + 0.25 * b.y }, { x: 0.25 * a.x + 0.75 * b.x, y: 0.25 * a.y + 0.75 * b.y })
  }
  out.push(points[points.length - 1]!)
  return out
}

function rect(x: number, y: number, w: number, h: number): MotionPoint[] {
  return [
    { x, y },
    { x: x + w, y },
    { x: x + w, y: y + h },
    { x, y: y + h },
    { x, y },
  ]
}

/** An arrow across the frame's centre in `direction`, bowed for pivoting moves, with speed lines when fast. */
function directionalArt(p: MotionShapeProps, head: number): Art {
  const { w, h, kind, direction, speed } = p
  const v = directionToVector(direction)
  const n = { x: -v.y, y: v.x }
  // Bow towards the top of the frame (or the left for vertical moves), as a pivot is drawn.
  const bowSign = n.y < -1e-6 || (Math.abs(n.y) <= 1e-6 && n.x < 0) ? 1 : -1
  const c = { x: w / 2, y: h / 2 }
  const length = 0.6 * (Math.abs(v.x) * w + Math.abs(v.y) * h)
  const from = add(c, v, -length / 2)
  const to = add(c, v, length / 2)
  let shaft: MotionPoint[]
  if (kind === 'pan' || kind === 'tilt' || kind === 'whip-pan') {
    shaft = quadratic(from, add(c, n, bowSign * length * 0.22), to)
  } else if (kind === 'steadicam') {
    const q1 = add(add(from, v, length / 4), n, length * 0.12)
    const q3 = add(add(from, v, (3 * length) / 4), n, -length * 0.12)
    shaft = [...quadratic(from, q1, c, 8), ...quadratic(c, q3, to, 8).slice(1)]
  } else if (kind === 'handheld') {
    const zigs = 10
    const amplitude = Math.min(w, h) * 0.035
    shaft = Array.from({ length: zigs + 1 }, (_, i) => add(add(from, v, (length * i) / zigs), n, i === 0 || i === zigs ? 0 : i % 2 ? amplitude : -amplitude))
  } else {
    shaft = [from, to]
  }
  const strokes = [shaft, headAtEnd(shaft, head)]
  // Speed lines behind the tail: one for a medium move, two for a fast one, three for a whip.
  // They run back the way the shaft sets off: on a bowed move that is not the chord (`v`), and
  // lines along the chord read as a stray dash beside the curve's start. A handheld's zigzag
  // sets off askew, so its lines keep to the move's direction.
  const lines = kind === 'whip-pan' ? 3 : speed >= 2 / 3 ? 2 : speed >= 1 / 3 ? 1 : 0
  const back = kind === 'handheld' ? { x: -v.x, y: -v.y } : unit({ x: shaft[0]!.x - shaft[1]!.x, y: shaft[0]!.y - shaft[1]!.y })
  const side = { x: -back.y, y: back.x }
  // How far behind the tail a point is, along the move: no line reaches further back than
  // straight ones do (1.4 heads), so tilted ones stay as clear of the frame's edge.
  const behind = (p: MotionPoint) => -((p.x - from.x) * v.x + (p.y - from.y) * v.y)
  for (let i = 0; i < lines; i++) {
    const offset = (i - (lines - 1) / 2) * head * 0.9
    const start = add(add(from, back, head * 0.4), side, offset)
    const reach = Math.min(head, (head * 1.4 - behind(start)) / -(back.x * v.x + back.y * v.y))
    strokes.push([start, add(start, back, reach)])
  }
  const guides: MotionPoint[][] = []
  if (kind === 'rack-focus') {
    const r = Math.min(w, h) * 0.08
    guides.push(ellipseArc(from, r, r, 0, 360, 24), ellipseArc(to, r, r, 0, 360, 24))
  }
  return { strokes, guides, label: CORNER_LABEL }
}

/** Four arrows between the frame's corners and the target framing: in for a zoom in, out for a zoom out. */
function zoomArt(p: MotionShapeProps, head: number): Art {
  const { w, h } = p
  const inward = p.kind === 'zoom-in'
  const inner = { x: w * 0.3, y: h * 0.3, w: w * 0.4, h: h * 0.4 }
  const strokes: MotionPoint[][] = []
  for (const [cx, cy] of [
    [0, 0],
    [1, 0],
    [1, 1],
    [0, 1],
  ] as const) {
    // The top arrows start below the corner label.
    const outer = { x: w * (0.07 + cx * 0.86), y: h * (0.22 + cy * 0.68) }
    const target = { x: inner.x + cx * inner.w, y: inner.y + cy * inner.h }
    const shaft = inward ? [outer, target] : [target, outer]
    strokes.push(shaft, headAtEnd(shaft, head * 0.8))
  }
  return { strokes, guides: [rect(inner.x, inner.y, inner.w, inner.h)], label: CORNER_LABEL }
}

/** Two track lines converging on the vanishing point (dolly in) or opening out of it (dolly out). */
function dollyArt(p: MotionShapeProps, head: number): Art {
  const { w, h } = p
  const inward = p.kind === 'dolly-in'
  const strokes: MotionPoint[][] = []
  for (const side of [-1, 1]) {
    const near = { x: w / 2 + side * w * 0.36, y: h * 0.9 }
    const far = { x: w / 2 + side * w * 0.07, y: h * 0.42 }
    const shaft = inward ? [near, far] : [far, near]
    strokes.push(shaft, headAtEnd(shaft, head))
  }
  const target = { x: w * 0.38, y: h * 0.18, w: w * 0.24, h: h * 0.22 }
  return { strokes, guides: [rect(target.x, target.y, target.w, target.h)], label: CORNER_LABEL }
}

/** An arc round the subject: a flattened ellipse for an orbit, a circle for a roll. */
function circularArt(p: MotionShapeProps, head: number): Art {
  const { w, h, kind, direction } = p
  const c = { x: w / 2, y: h / 2 + (kind === 'orbit' ? h * 0.08 : 0) }
  const clockwise = Math.cos((direction * Math.PI) / 180) >= 0
  const rx = kind === 'orbit' ? w * 0.34 : Math.min(w, h) * 0.3
  const ry = kind === 'orbit' ? h * 0.17 : rx
  const arc = ellipseArc(c, rx, ry, 200, 480)
  const shaft = clockwise ? arc : [...arc].reverse()
  return { strokes: [shaft, headAtEnd(shaft, head)], guides: [], label: CORNER_LABEL }
}

/** The subject's path, drawn through its points in the frame. */
function subjectArt(p: MotionShapeProps, head: number): Art {
  const points = smooth(p.path.map((q) => ({ x: q.x * p.w, y: q.y * p.h })))
  const start = points[0]!
  // At the path's start, kept inside the frame (its left edge too, in a narrow one): where the subject sets off.
  return { strokes: [points, headAtEnd(points, head)], guides: [], label: { x: Math.max(Math.min(start.x - 10, p.w - 120), 8), y: Math.min(Math.max(start.y + 22, 18), p.h - 8) } }
}

/** The drawing of a motion annotation in its own w × h box (the shot's frame). */
export function motionArt(props: MotionShapeProps): MotionArt {
  const width = motionStrokeWidth(props.strength)
  const head = 10 + width * 1.6
  let art: Art
  switch (props.kind) {
    case 'zoom-in':
    case 'zoom-out':
      art = zoomArt(props, head)
      break
    case 'dolly-in':
    case 'dolly-out':
      art = dollyArt(props, head)
      break
    case 'orbit':
    case 'roll':
      art = circularArt(props, head)
      break
    case 'subject':
      art = props.path.length >= 2 ? subjectArt(props, head) : directionalArt(props, head)
      break
    default:
      art = directionalArt(props, head)
  }
  return { ...art, width, cornerLabel: art.label === CORNER_LABEL }
}

/** A polyline as an SVG path. */
export function polylinePath(points: readonly MotionPoint[]): string {
  return points.map((p, i) => `${i === 0 ? 'M' : 'L'}${p.x.toFixed(1)},${p.y.toFixed(1)}`).join(' ')
}
