import { getIndexAbove, getIndexBetween, type IndexKey } from 'tldraw'
import { compareByOrderThenId } from '@storyloom/shared/storyboard/sequence'
import type { ShotShapeProps, TLShotShape } from '@storyloom/shared/storyboard/shotShape'

/** Statuses a review verdict sets: a copy has had no review of its own. */
const VERDICT_STATUSES: ReadonlySet<ShotShapeProps['status']> = new Set(['approved', 'changes-requested'])

/**
 * The shot a just-created shot is a copy of (tldraw's Duplicate, Alt-drag and paste copy the
 * props, so a copy carries its original's scene and order key): the existing shot with the
 * same scene and key, or undefined for a shot made any other way (a new shot gets a key of its own).
 */
export function originalOf(copy: TLShotShape, shots: readonly TLShotShape[]): TLShotShape | undefined {
  return shots.find((shot) => shot.id !== copy.id && shot.props.sceneId === copy.props.sceneId && shot.props.order === copy.props.order)
}

/** The order key right after `original` in its scene: between it and the shot that follows it. */
export function orderRightAfter(original: TLShotShape, shots: readonly TLShotShape[]): IndexKey {
  const scene = shots
    .filter((shot) => shot.props.sceneId === original.props.sceneId)
    .map((shot) => ({ id: shot.id, order: shot.props.order }))
    .sort(compareByOrderThenId)
  const next = scene[scene.findIndex((shot) => shot.id === original.id) + 1]
  const key = original.props.order
  // A tie with the next key (two keys written at once) leaves no key between: go just above.
  return next && next.order > key ? getIndexBetween(key, next.order) : getIndexAbove(key)
}

/**
 * A copied shot's props as a copy starts: right after its original in the sequence (when the
 * original is on this board), in no scene when its scene is not on this board (pasted from
 * another), with the picture it shows but no take of its own (`activeVersionId` null: its
 * Versions start empty, the next take made on it is its first), and no review status. It keeps
 * its artist (Assigned to): the copy is usually a variation the same person draws.
 */
export function copyProps(
  copy: TLShotShape,
  { original, shots, sceneExists }: { original: TLShotShape | undefined; shots: readonly TLShotShape[]; sceneExists: boolean },
): ShotShapeProps {
  const props = { ...copy.props, activeVersionId: null }
  if (VERDICT_STATUSES.has(props.status)) props.status = 'draft'
  if (original) props.order = orderRightAfter(original, shots)
  else if (!sceneExists) props.sceneId = null
  return props
}
