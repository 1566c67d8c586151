import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import type { BoardRecordLike } from '@storyloom/shared/storyboard/boardSequence'
import { MOTION_SHAPE_TYPE, snapDirection, speedLabel, type MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import type { ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'
import { CAMERA_MOVEMENTS, entryOf } from '@storyloom/shared/storyboard/vocabulary'

type Kind = MotionShapeProps['kind']

/** Moves drawn with an arrow whichever way it points: the way is part of what is asked for. */
const AIMED: ReadonlySet<Kind> = new Set<Kind>(['pan', 'tilt', 'whip-pan', 'handheld', 'steadicam'])
/** Moves round the subject: 0 is clockwise, 180 anticlockwise (motionFamilies.ts). */
const ROUND: ReadonlySet<Kind> = new Set<Kind>(['orbit', 'roll'])

/** The eight directions an arrow is drawn in, from 0 (frame right) clockwise on screen. */
const WAYS = ['right', 'down right', 'down', 'down left', 'left', 'up left', 'up', 'up right']

/** "Pan left, slow": a camera move drawn on a shot, as a client reads it beside the picture. */
function moveText({ kind, direction, speed }: MotionShapeProps): string {
  const label = entryOf(CAMERA_MOVEMENTS, kind as Exclude<Kind, 'subject'>).label
  const way = AIMED.has(kind) ? ` ${WAYS[snapDirection(direction) / 45]}` : ROUND.has(kind) ? (direction === 180 ? ' anticlockwise' : ' clockwise') : ''
  return `${label}${way}, ${speedLabel(speed).toLowerCase()}`
}

type MotionRecord = BoardRecordLike & { type: string; index: string; props: MotionShapeProps }
type BindingRecord = BoardRecordLike & { type: string; fromId: string; toId: string }
type ShotRecord = BoardRecordLike & { type: string; props: Pick<ShotShapeProps, 'camera'> }

/**
 * The camera moves of every shot that has any, by shot id: those drawn on it (annotation
 * bindings; a subject's path is not the camera's), in drawing order as their corner labels stack
 * (cornerLabels.ts), else the movement chosen in its inspector's camera fields.
 */
export function shotCameraMoves(records: Iterable<BoardRecordLike>): Map<string, string[]> {
  const motions = new Map<string, MotionRecord>()
  const bindings: BindingRecord[] = []
  const shots: ShotRecord[] = []
  for (const record of records) {
    const type = (record as { type?: unknown }).type
    if (record.typeName === 'shape' && type === MOTION_SHAPE_TYPE) motions.set(record.id, record as MotionRecord)
    else if (record.typeName === 'shape' && type === 'shot') shots.push(record as ShotRecord)
    else if (record.typeName === 'binding' && type === ANNOTATION_BINDING_TYPE) bindings.push(record as BindingRecord)
  }
  const drawn = new Map<string, MotionRecord[]>()
  for (const binding of bindings) {
    const motion = motions.get(binding.fromId)
    if (!motion || motion.props.kind === 'subject') continue
    drawn.set(binding.toId, [...(drawn.get(binding.toId) ?? []), motion])
  }
  const moves = new Map<string, string[]>()
  for (const shot of shots) {
    const onShot = (drawn.get(shot.id) ?? []).sort((a, b) => (a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0))
    const { movement } = shot.props.camera
    if (onShot.length > 0) moves.set(shot.id, onShot.map((m) => moveText(m.props)))
    else if (movement !== 'static') moves.set(shot.id, [entryOf(CAMERA_MOVEMENTS, movement).label])
  }
  return moves
}
