import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
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
