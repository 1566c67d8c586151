import { ANNOTATION_BINDING_TYPE } from './annotationBinding'
import { MOTION_SHAPE_TYPE } from './motionShape'
import { REFERENCE_BINDING_TYPE, REFERENCE_SOURCE_SHAPE_TYPES } from './referenceBinding'
import { SHOT_SHAPE_TYPE } from './shotShape'

/**
 * Checks that span records, which per-record validators cannot see: a reference or an
 * annotation must connect the right kinds of shapes, and its shot must exist. The server runs
 * this after a batch of changes is validated, so "an annotation on a missing shot" is refused
 * with a reason instead of leaving a dangling binding in everyone's board.
 */

/** What the check needs to know about a record. */
export interface IntegrityRecord {
  readonly id: string
  readonly typeName: string
  readonly type?: string
  readonly fromId?: string
  readonly toId?: string
}

/**
 * Why a record breaks a cross-record rule, as a sentence for the user, or undefined when it
 * is fine (and for records these rules do not cover). `lookup` must see the board as it will
 * be after the whole batch, so a shot and its new annotation can arrive together.
 */
export function storyboardIntegrityProblem(
  record: IntegrityRecord,
  lookup: (id: string) => IntegrityRecord | undefined,
): string | undefined {
  if (record.typeName !== 'binding') return undefined
  const kind =
    record.type === REFERENCE_BINDING_TYPE ? 'reference' : record.type === ANNOTATION_BINDING_TYPE ? 'annotation' : null
  if (kind === null) return undefined

  const to = record.toId === undefined ? undefined : lookup(record.toId)
  if (!to || to.typeName !== 'shape' || to.type !== SHOT_SHAPE_TYPE) {
    return `This ${kind} is attached to ${record.toId ?? 'nothing'}, which is not a shot on this board`
  }
  const from = record.fromId === undefined ? undefined : lookup(record.fromId)
  if (!from || from.typeName !== 'shape') {
    return `This ${kind} comes from ${record.fromId ?? 'nothing'}, which is not on this board`
  }
  if (kind === 'reference' && !(REFERENCE_SOURCE_SHAPE_TYPES as readonly (string | undefined)[]).includes(from.type)) {
    return `A reference must be an image, clip or link; this one is a shape of type "${from.type ?? 'unknown'}"`
  }
  if (kind === 'annotation' && from.type !== MOTION_SHAPE_TYPE) {
    return `Only camera and motion annotations can be attached to a shot as annotations; this one is a shape of type "${from.type ?? 'unknown'}"`
  }
  return undefined
}
