import { isShotShape, type BoardRecordLike } from '@storyloom/shared/storyboard/boardSequence'
import { snapDirection, speedLabel, type MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import type { ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { CAMERA_MOVEMENTS, entryOf } from '@storyloom/shared/storyboard/vocabulary'
import { motionAnnotationsByShot } from '../storyboard/motion/motionAnnotationsByShot'

type Kind = MotionShapeProps['kind']

/** A camera move (not a subject's path). */
export type CameraMoveKind = Exclude<Kind, 'subject'>

/**
 * A camera move of a shot, as drawn on it or chosen in its camera fields: what Present's text
 * says and what the animatic plays (cameraMotion.ts).
 */
export interface CameraMove {
  readonly kind: CameraMoveKind
  /**
   * Its way, snapped as the arrow is drawn: one of the eight directions (degrees clockwise from
   * frame right) for a pan, tilt, whip pan, handheld or Steadicam move; 0 clockwise or 180
   * anticlockwise for an orbit or roll. Null when the kind says it all (dolly in, truck left…) or
   * when the move was chosen in the inspector, which has no arrow.
   */
  readonly direction: number | null
  /** 0 (barely moving) to 1 (a whip pan's); null when chosen in the inspector. */
  readonly speed: number | null
}

/** Moves drawn with an arrow whichever way it points: the way is part of what is asked for. */
const AIMED: ReadonlySet<Kind> = new Set<Kind>(['pan', 'tilt', 'whip-pan', 'handheld', 'steadicam'])
/** Moves round the subject: 0 is clockwise, 180 anticlockwise (motionFamilies.ts). */
const ROUND: ReadonlySet<Kind> = new Set<Kind>(['orbit', 'roll'])

/** The eight directions an arrow is drawn in, from 0 (frame right) clockwise on screen. */
const WAYS = ['right', 'down right', 'down', 'down left', 'left', 'up left', 'up', 'up right']

/** "Pan left, slow" (drawn) or "Crane down" (chosen in the inspector): a camera move as a client reads it beside the picture. */
export function cameraMoveText({ kind, direction, speed }: CameraMove): string {
  const label = entryOf(CAMERA_MOVEMENTS, kind).label
  const way = direction === null ? '' : AIMED.has(kind) ? ` ${WAYS[direction / 45]}` : direction === 180 ? ' anticlockwise' : ' clockwise'
  return speed === null ? `${label}${way}` : `${label}${way}, ${speedLabel(speed).toLowerCase()}`
}

/** A drawn move's data: its arrow's way snapped as the app snaps it. */
function drawnMove({ kind, direction, speed }: MotionShapeProps & { kind: CameraMoveKind }): CameraMove {
  const way = AIMED.has(kind) ? snapDirection(direction) : ROUND.has(kind) ? (direction === 180 ? 180 : 0) : null
  return { kind, direction: way, speed }
}

/**
 * The camera moves of every shot that has any, by shot id: those drawn on it (annotation
 * bindings; a subject's path is not the camera's), in drawing order as their corner labels stack
 * (cornerLabels.ts), else the movement chosen in its inspector's camera fields.
 */
export function shotCameraMoves(records: Iterable<BoardRecordLike>): Map<string, CameraMove[]> {
  const all = [...records]
  const drawn = motionAnnotationsByShot(all)
  const moves = new Map<string, CameraMove[]>()
  for (const shot of all.filter(isShotShape)) {
    const onShot = (drawn.get(shot.id) ?? []).filter((m) => m.props.kind !== 'subject')
    const { movement } = shot.props.camera
    if (onShot.length > 0) moves.set(shot.id, onShot.map((m) => drawnMove(m.props as MotionShapeProps & { kind: CameraMoveKind })))
    else if (movement !== 'static') moves.set(shot.id, [{ kind: movement, direction: null, speed: null }])
  }
  return moves
}
