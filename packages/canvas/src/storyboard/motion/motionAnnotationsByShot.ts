import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import type { BoardRecordLike } from '@storyloom/shared/storyboard/boardSequence'
import { MOTION_SHAPE_TYPE, type MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'

/** A motion annotation's record, as a board's records hold it. */
export type MotionAnnotationRecord = BoardRecordLike & { readonly type: string; readonly index: string; readonly props: MotionShapeProps }

type BindingRecord = BoardRecordLike & { readonly type: string; readonly fromId: string; readonly toId: string }

/** Orders a shot's annotations as they are drawn: z-order, then id, so every client agrees. */
export function byDrawingOrder(a: { id: string; index: string }, b: { id: string; index: string }): number {
  return a.index < b.index ? -1 : a.index > b.index ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0
}

/**
 * The motion annotations bound to each shot (annotation bindings), by shot id, in drawing order
 * (so their corner labels stack as on the canvas): camera moves and subject paths alike. Read
 * from a board's records, without an editor: for the presentation and the printed storyboard.
 */
export function motionAnnotationsByShot(records: Iterable<BoardRecordLike>): Map<string, MotionAnnotationRecord[]> {
  const motions = new Map<string, MotionAnnotationRecord>()
  const bindings: BindingRecord[] = []
  for (const record of records) {
    const type = (record as { type?: unknown }).type
    if (record.typeName === 'shape' && type === MOTION_SHAPE_TYPE) motions.set(record.id, record as MotionAnnotationRecord)
    else if (record.typeName === 'binding' && type === ANNOTATION_BINDING_TYPE) bindings.push(record as BindingRecord)
  }
  const byShot = new Map<string, MotionAnnotationRecord[]>()
  for (const binding of bindings) {
    const motion = motions.get(binding.fromId)
    if (motion) byShot.set(binding.toId, [...(byShot.get(binding.toId) ?? []), motion])
  }
  for (const annotations of byShot.values()) annotations.sort(byDrawingOrder)
  return byShot
}
