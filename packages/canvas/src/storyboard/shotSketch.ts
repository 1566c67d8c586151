import type { ShotShapeProps, TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { shotFrameRect } from './shotLayout'

/**
 * What may be sketched inside a shot's frame: tldraw's own drawing shapes. Images, clips and
 * links are references (pinned beside the shot, never inside it), and shots, camera moves and
 * frames are never children of a shot.
 */
export const SKETCH_SHAPE_TYPES: ReadonlySet<string> = new Set(['draw', 'highlight', 'geo', 'arrow', 'line', 'text', 'note'])

/**
 * Whether a new shape of `type` drawn or dropped on `shot` becomes part of its sketch: only
 * sketch shapes, only while the shot has no image or clip yet (the sketch stands in for it),
 * and never on a locked shot.
 */
export function shotTakesSketchOf(shot: TLShotShape, type: string): boolean {
  return !shot.isLocked && shot.props.media === null && SKETCH_SHAPE_TYPES.has(type)
}

/** The polygon a shot's sketch is clipped to, in the shot's space: its frame's corners. */
export function shotSketchClip(shot: TLShotShape): { x: number; y: number }[] {
  const { x, y, width, height } = shotFrameRect(shot.props.w, shot.props.h, shot.props.aspect)
  return [
    { x, y },
    { x: x + width, y },
    { x: x + width, y: y + height },
    { x, y: y + height },
  ]
}

/**
 * How a shot's sketch follows its frame when the panel changes size or aspect ratio: a point
 * `p` of the sketch (in the shot's space) goes to `to + (p - from) * scale`, so the drawing
 * keeps its place in the frame instead of being cut off by the new frame. The frame keeps its
 * aspect ratio while the panel is resized, so one scale fits; when the aspect ratio changes,
 * the scale that keeps the old frame's width (or height, whichever fits) is used.
 * Null when the frame did not change.
 */
export function sketchFrameChange(
  before: Pick<ShotShapeProps, 'w' | 'h' | 'aspect'>,
  after: Pick<ShotShapeProps, 'w' | 'h' | 'aspect'>,
): { from: { x: number; y: number }; to: { x: number; y: number }; scale: number } | null {
  const a = shotFrameRect(before.w, before.h, before.aspect)
  const b = shotFrameRect(after.w, after.h, after.aspect)
  if (a.width <= 0 || a.height <= 0 || b.width <= 0 || b.height <= 0) return null
  const scale = Math.min(b.width / a.width, b.height / a.height)
  // The old frame, scaled, centred in the new one.
  const to = { x: b.x + (b.width - a.width * scale) / 2, y: b.y + (b.height - a.height * scale) / 2 }
  const same = (m: number, n: number) => Math.abs(m - n) < 1e-6
  if (same(scale, 1) && same(to.x, a.x) && same(to.y, a.y)) return null
  return { from: { x: a.x, y: a.y }, to, scale }
}
