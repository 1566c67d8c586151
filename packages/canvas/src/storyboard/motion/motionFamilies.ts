import { snapDirection, vectorToDirection, type MotionKind, type MotionPoint } from '@storyloom/shared/storyboard/motionShape'

/**
 * The moves the camera-move tool offers. A family is what a director asks for ("truck"); the
 * drag on the shot says which way, which for a truck or a crane picks the stored kind
 * (`truck-left` / `truck-right`).
 */
export const MOTION_FAMILIES = [
  { id: 'pan', label: 'Pan', hint: 'Drag the way the camera turns' },
  { id: 'tilt', label: 'Tilt', hint: 'Drag up or down' },
  { id: 'dolly-in', label: 'Dolly in', hint: 'Click the shot' },
  { id: 'dolly-out', label: 'Dolly out', hint: 'Click the shot' },
  { id: 'truck', label: 'Truck', hint: 'Drag left or right' },
  { id: 'pedestal', label: 'Pedestal', hint: 'Drag up or down' },
  { id: 'crane', label: 'Crane', hint: 'Drag up or down' },
  { id: 'zoom-in', label: 'Zoom in', hint: 'Click the shot' },
  { id: 'zoom-out', label: 'Zoom out', hint: 'Click the shot' },
  { id: 'orbit', label: 'Orbit', hint: 'Drag left or right for the way round' },
  { id: 'roll', label: 'Roll', hint: 'Drag left or right for the way round' },
  { id: 'handheld', label: 'Handheld', hint: 'Drag the way it drifts' },
  { id: 'steadicam', label: 'Steadicam', hint: 'Drag the way it travels' },
  { id: 'whip-pan', label: 'Whip pan', hint: 'Drag the way it whips' },
  { id: 'rack-focus', label: 'Rack focus', hint: 'Drag from the first subject to the second' },
  { id: 'subject', label: 'Subject path', hint: 'Draw the subject’s path in the frame' },
] as const

/** A move the camera-move tool offers. */
export type MotionFamily = (typeof MOTION_FAMILIES)[number]['id']

/**
 * Whether a click on a shot (no drag) puts this move on it: moves with no direction to give —
 * in or out along the lens — as their palette hint says. Any other move's drag says which way
 * (a click would be a silent default direction) or, for a subject, its path.
 */
export function addedByAClick(family: MotionFamily): boolean {
  return family === 'dolly-in' || family === 'dolly-out' || family === 'zoom-in' || family === 'zoom-out'
}

/** Drags shorter than this (in frame fractions) are clicks: the move keeps its usual direction. */
const CLICK_LENGTH = 0.02

/** The direction a move has when the shot is only clicked. */
function usualDirection(family: MotionFamily): number {
  return family === 'tilt' || family === 'pedestal' || family === 'crane' ? 270 : 0
}

/**
 * The stored kind and direction for a drag of `vector` (in frame fractions, y down) with the
 * tool set to `family`. Tilts, pedestals and cranes only go up or down; trucks, orbits and
 * rolls only left or right (for orbit and roll: 0 is clockwise seen from above or from behind
 * the camera, 180 anticlockwise). The other moves go the nearest of the eight directions the
 * inspector offers, as a storyboard arrow is drawn — a hand-drawn "right" is never quite level —
 * unless `options.free` keeps the exact angle (Shift while dragging, and always for a subject's
 * path, which is drawn freely).
 */
export function motionFromDrag(family: MotionFamily, vector: MotionPoint, options: { free?: boolean } = {}): { kind: MotionKind; direction: number } {
  const isClick = Math.hypot(vector.x, vector.y) < CLICK_LENGTH
  const angle = vectorToDirection(vector)
  const free = isClick ? usualDirection(family) : options.free || family === 'subject' ? angle : snapDirection(angle)
  const vertical = isClick ? usualDirection(family) : vector.y < 0 ? 270 : 90
  const horizontal = isClick ? 0 : vector.x < 0 ? 180 : 0
  switch (family) {
    case 'tilt':
      return { kind: 'tilt', direction: vertical }
    case 'pedestal':
      return { kind: vertical === 270 ? 'pedestal-up' : 'pedestal-down', direction: vertical }
    case 'crane':
      return { kind: vertical === 270 ? 'crane-up' : 'crane-down', direction: vertical }
    case 'truck':
      return { kind: horizontal === 180 ? 'truck-left' : 'truck-right', direction: horizontal }
    case 'orbit':
    case 'roll':
      return { kind: family, direction: horizontal }
    case 'dolly-in':
    case 'dolly-out':
    case 'zoom-in':
    case 'zoom-out':
      // Into or out of the frame: the kind says it all.
      return { kind: family, direction: 0 }
    default:
      return { kind: family, direction: free }
  }
}

/**
 * How the inspector shows a stored direction: the nearest of the eight (its button pressed) and,
 * for a free angle (Shift-drag, a subject's path) half a degree or more from it, the angle in
 * whole degrees; null when it is one of the eight.
 */
export function readDirection(direction: number): { nearest: number; freeDegrees: number | null } {
  const nearest = snapDirection(direction)
  const offBy = Math.abs(((direction - nearest + 540) % 360) - 180)
  return { nearest, freeDegrees: offBy < 0.5 ? null : Math.round(direction) % 360 }
}

/** The family a stored kind belongs to (for showing it in the tool and the inspector). */
export function familyOfKind(kind: MotionKind): MotionFamily {
  if (kind === 'truck-left' || kind === 'truck-right') return 'truck'
  if (kind === 'pedestal-up' || kind === 'pedestal-down') return 'pedestal'
  if (kind === 'crane-up' || kind === 'crane-down') return 'crane'
  return kind
}
