import { createShapePropsMigrationIds, createShapePropsMigrationSequence } from '@tldraw/tlschema'
import type { RecordProps, TLBaseShape } from '@tldraw/tlschema'
import { T } from '@tldraw/validate'
import { MAX_MOTION_PATH_POINTS, MOTION_PATH_MAX, MOTION_PATH_MIN } from './limits'
import { boundedNumber } from './validators'
import { CAMERA_MOVEMENT_IDS } from './vocabulary'
import type { CameraMovement } from './vocabulary'

/** The tldraw shape type of a camera or subject motion annotation. */
export const MOTION_SHAPE_TYPE = 'motion'

/**
 * What a motion annotation describes: a camera move (any movement but `static`) or
 * `'subject'`, the path of something moving inside the frame.
 */
export type MotionKind = Exclude<CameraMovement, 'static'> | 'subject'

/** Every motion kind: the camera moves, then `'subject'`. */
export const MOTION_KIND_IDS: readonly MotionKind[] = [
  ...CAMERA_MOVEMENT_IDS.filter((id): id is Exclude<CameraMovement, 'static'> => id !== 'static'),
  'subject',
]

/** A point of a subject's path, in the bound shot's frame: (0,0) top-left, (1,1) bottom-right. */
export interface MotionPoint {
  x: number
  y: number
}

/** The props of a motion annotation. */
export interface MotionShapeProps {
  /** Size of the drawn arrow on the canvas, in page units. */
  w: number
  h: number
  kind: MotionKind
  /**
   * Direction in degrees, in [0, 360): clockwise from "towards frame right", as on screen
   * (0 right, 90 down, 180 left, 270 up) — the same sense as tldraw's rotation.
   */
  direction: number
  /** Relative speed, 0 (barely moving) to 1 (as fast as a whip pan). */
  speed: number
  /** How strongly a generation should follow the motion, 0 to 1. */
  strength: number
  /**
   * For `'subject'`: the path, in the bound shot's frame coordinates (so it means the same
   * after the shot is moved, resized or reframed, and a generator can read it directly).
   * Camera moves leave it empty.
   */
  path: MotionPoint[]
}

/** A motion annotation on the canvas, bound to its shot by an `annotation` binding. */
export type TLMotionShape = TLBaseShape<'motion', MotionShapeProps>

declare module '@tldraw/tlschema' {
  interface TLGlobalShapePropsMap {
    motion: MotionShapeProps
  }
}

const pathCoordinate = boundedNumber(MOTION_PATH_MIN, MOTION_PATH_MAX)

/** Validates a subject path: at most {@link MAX_MOTION_PATH_POINTS} points near the frame. */
export const motionPathValidator: T.Validator<MotionPoint[]> = T.arrayOf(
  T.object<MotionPoint>({ x: pathCoordinate, y: pathCoordinate }),
).check((path) => {
  if (path.length > MAX_MOTION_PATH_POINTS) {
    throw new T.ValidationError(`Expected at most ${MAX_MOTION_PATH_POINTS} path points, got ${path.length}`)
  }
})

/** Validators for every motion annotation prop. */
export const motionShapeProps: RecordProps<TLMotionShape> = {
  w: T.nonZeroNumber,
  h: T.nonZeroNumber,
  kind: T.literalEnum(...MOTION_KIND_IDS),
  direction: T.number.check((deg) => {
    if (deg < 0 || deg >= 360) throw new T.ValidationError(`Expected degrees in [0, 360), got ${deg}`)
  }),
  speed: T.unitInterval,
  strength: T.unitInterval,
  path: motionPathValidator,
}

/** Migration ids for motion annotation props. Append new versions at the end. */
export const motionShapeVersions = createShapePropsMigrationIds('motion', {})

/** Append-only migrations for motion annotation props (sequence id `com.tldraw.shape.motion`). */
export const motionShapeMigrations = createShapePropsMigrationSequence({ sequence: [] })

/** Props of a new motion annotation: a medium-speed pan to the right. */
export function defaultMotionProps(): MotionShapeProps {
  return { w: 160, h: 48, kind: 'pan', direction: 0, speed: 0.5, strength: 0.5, path: [] }
}

/** Any angle in degrees brought into [0, 360). */
export function normalizeDirection(degrees: number): number {
  const d = degrees % 360
  const wrapped = d < 0 ? d + 360 : d
  // A tiny negative angle wraps to exactly 360 in floating point; `+ 0` turns -0 into 0.
  return wrapped >= 360 ? 0 : wrapped + 0
}

/** Storyboard arrows are drawn in eight directions: right, down right, down, … every 45°. */
export const DIRECTION_STEP = 45

/** The nearest of the eight directions to `degrees` (any angle), in [0, 360). */
export function snapDirection(degrees: number): number {
  return normalizeDirection(Math.round(degrees / DIRECTION_STEP) * DIRECTION_STEP)
}

/**
 * Which way the camera travels on screen (y down) for the moves whose kind names it — truck,
 * pedestal, crane — as a clip (gpu-worker) and the animatic's framing (canvas) both move it.
 */
export const KIND_TRAVEL: Readonly<Partial<Record<MotionKind, MotionPoint>>> = {
  'truck-left': { x: -1, y: 0 },
  'truck-right': { x: 1, y: 0 },
  'pedestal-up': { x: 0, y: -1 },
  'pedestal-down': { x: 0, y: 1 },
  'crane-up': { x: 0, y: -1 },
  'crane-down': { x: 0, y: 1 },
}

/** The unit vector of a direction, in screen coordinates (y down). */
export function directionToVector(degrees: number): MotionPoint {
  const r = (degrees * Math.PI) / 180
  return { x: Math.cos(r), y: Math.sin(r) }
}

/** The direction of a screen-space vector (y down), in [0, 360). A zero vector reads as 0. */
export function vectorToDirection(vector: MotionPoint): number {
  if (vector.x === 0 && vector.y === 0) return 0
  return normalizeDirection((Math.atan2(vector.y, vector.x) * 180) / Math.PI)
}

/** How a speed reads in storyboard words. */
export function speedLabel(speed: number): 'Slow' | 'Medium' | 'Fast' {
  if (speed < 1 / 3) return 'Slow'
  if (speed < 2 / 3) return 'Medium'
  return 'Fast'
}
