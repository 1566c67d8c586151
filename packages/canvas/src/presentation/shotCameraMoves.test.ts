import { describe, expect, it } from 'vitest'
import type { IndexKey, TLParentId } from 'tldraw'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'
import { defaultMotionProps, type MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import { presentationModel } from './presentationShots'
import { cameraMoveText, shotCameraMoves } from './shotCameraMoves'

const page = 'page:p' as TLParentId

function motion(id: string, index: string, props: Partial<MotionShapeProps>) {
  return { id: `shape:${id}`, typeName: 'shape', type: 'motion', parentId: page, index, x: 0, y: 0, props: { ...defaultMotionProps(), ...props } }
}

function annotates(motionId: string, shotId: string) {
  return { id: `binding:${motionId}`, typeName: 'binding', type: 'annotation', fromId: `shape:${motionId}`, toId: shotId, props: {}, meta: {} }
}

describe('shotCameraMoves', () => {
  it('describes the camera moves drawn on a shot, in drawing order, with their way and speed', () => {
    const shot = createShotShape({ parentId: page, index: 'a1' as IndexKey })
    const other = createShotShape({ parentId: page, index: 'a2' as IndexKey })
    const records = [
      shot,
      other,
      motion('dolly', 'a3', { kind: 'dolly-in', speed: 0.9 }),
      motion('pan', 'a2', { kind: 'pan', direction: 170, speed: 0.1 }),
      motion('orbit', 'a4', { kind: 'orbit', direction: 180, speed: 0.5 }),
      motion('path', 'a5', { kind: 'subject', path: [{ x: 0, y: 0 }, { x: 1, y: 1 }] }),
      motion('loose', 'a6', { kind: 'zoom-in' }),
      annotates('dolly', shot.id),
      annotates('pan', shot.id),
      annotates('orbit', shot.id),
      annotates('path', shot.id),
    ]
    const moves = shotCameraMoves(records)
    // A subject's path is not the camera's; an arrow on no shot is on none.
    expect(moves.get(shot.id)?.map(cameraMoveText)).toEqual(['Pan left, slow', 'Dolly in, fast', 'Orbit / arc anticlockwise, medium'])
    // What plays is what the text says: the arrow snapped as drawn, a dolly's way its kind's.
    expect(moves.get(shot.id)).toEqual([
      { kind: 'pan', direction: 180, speed: 0.1 },
      { kind: 'dolly-in', direction: null, speed: 0.9 },
      { kind: 'orbit', direction: 180, speed: 0.5 },
    ])
    expect(moves.get(other.id)).toBeUndefined()
  })

  it('names the move chosen in the inspector when none is drawn, and not twice when one is', () => {
    const craning = createShotShape({ parentId: page, index: 'a1' as IndexKey, props: { camera: { shotSize: 'ews', angle: 'high', lensMm: 24, movement: 'crane-down' } } })
    const tilting = createShotShape({ parentId: page, index: 'a2' as IndexKey, props: { camera: { shotSize: 'ms', angle: 'eye-level', lensMm: null, movement: 'tilt' } } })
    const still = createShotShape({ parentId: page, index: 'a3' as IndexKey })
    const records = [craning, tilting, still, motion('tilt', 'a4', { kind: 'tilt', direction: 270, speed: 0.5 }), annotates('tilt', tilting.id)]
    const moves = shotCameraMoves(records)
    expect(moves.get(craning.id)).toEqual([{ kind: 'crane-down', direction: null, speed: null }])
    expect(moves.get(craning.id)?.map(cameraMoveText)).toEqual(['Crane down'])
    expect(moves.get(tilting.id)?.map(cameraMoveText)).toEqual(['Tilt up, medium'])
    expect(moves.get(still.id)).toBeUndefined()
    const played = new Map(presentationModel(records).shots.map((s) => [s.id, s.moves.map(cameraMoveText)]))
    expect([played.get(craning.id), played.get(tilting.id), played.get(still.id)]).toEqual([['Crane down'], ['Tilt up, medium'], []])
  })
})
