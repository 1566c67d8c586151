import type * as Y from 'yjs'
import { parseBoardAssetUrl } from '@storyloom/shared/api/assets'
import { readAllRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import type { JobMotion, JobReference } from '@storyloom/shared/generation/jobs'
import { ANNOTATION_BINDING_TYPE } from '@storyloom/shared/storyboard/annotationBinding'
import { MOTION_SHAPE_TYPE, type MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import { REFERENCE_BINDING_TYPE } from '@storyloom/shared/storyboard/referenceBinding'
import { SHOT_SHAPE_TYPE, type ShotShapeProps } from '@storyloom/shared/storyboard/shotShape'

/** What a generation takes from a shot on the board. */
export type ShotInputs = {
  props: ShotShapeProps
  references: JobReference[]
  motion: JobMotion[]
  /** References that cannot be used (an image still uploading, a deleted asset…), for a 422. */
  problems: string[]
}

type AnyRecord = { id: string; typeName: string; type?: string; fromId?: string; toId?: string; props?: Record<string, unknown> }

/** `/api/boards/<board>/assets/<sha256>` → the sha256, when the URL is this board's asset. */
function boardAssetId(boardId: string, src: string): string | undefined {
  const asset = parseBoardAssetUrl(src)
  return asset?.boardId === boardId ? asset.assetId : undefined
}

function resolveReference(doc: Y.Doc, boardId: string, binding: AnyRecord, problems: string[]): JobReference | undefined {
  const role = binding.props?.role as JobReference['role']
  const shape = binding.fromId ? (readRecord(doc, binding.fromId) as AnyRecord | undefined) : undefined
  if (!shape) {
    problems.push(`the ${role} reference ${binding.fromId ?? ''} is no longer on the board`)
    return undefined
  }
  if (shape.type === 'bookmark' || shape.type === 'embed') {
    const url = shape.props?.url
    return typeof url === 'string' && url !== '' ? { role, src: url, kind: 'link', shapeId: shape.id } : undefined
  }
  const assetRecordId = shape.props?.assetId
  const asset = typeof assetRecordId === 'string' ? (readRecord(doc, assetRecordId) as AnyRecord | undefined) : undefined
  const src = asset?.props?.src
  if (typeof src !== 'string' || src === '') {
    problems.push(`the ${role} reference has no image yet (still uploading, or its file was removed)`)
    return undefined
  }
  const kind = shape.type === 'video' ? 'video' : 'image'
  const assetId = boardAssetId(boardId, src)
  return assetId ? { role, assetId, src, kind, shapeId: shape.id } : { role, src, kind, shapeId: shape.id }
}

/** Of `shotIds`, those that are not a shot on the board (deleted, or never one). */
export function missingShots(doc: Y.Doc, shotIds: Iterable<string>): Set<string> {
  const missing = new Set<string>()
  for (const shotId of shotIds) {
    const shot = readRecord(doc, shotId) as AnyRecord | undefined
    if (!shot || shot.typeName !== 'shape' || shot.type !== SHOT_SHAPE_TYPE) missing.add(shotId)
  }
  return missing
}

/**
 * Reads a shot with its references and motion annotations from the board doc, or undefined if
 * `shotId` is not a shot on the board.
 */
export function readShotInputs(doc: Y.Doc, boardId: string, shotId: string): ShotInputs | undefined {
  const shot = readRecord(doc, shotId) as AnyRecord | undefined
  if (!shot || shot.typeName !== 'shape' || shot.type !== SHOT_SHAPE_TYPE) return undefined
  const references: JobReference[] = []
  const motion: JobMotion[] = []
  const problems: string[] = []
  for (const record of readAllRecords(doc) as AnyRecord[]) {
    if (record.typeName !== 'binding' || record.toId !== shotId) continue
    if (record.type === REFERENCE_BINDING_TYPE) {
      const reference = resolveReference(doc, boardId, record, problems)
      if (reference) references.push(reference)
    } else if (record.type === ANNOTATION_BINDING_TYPE && record.fromId) {
      const annotation = readRecord(doc, record.fromId) as AnyRecord | undefined
      if (annotation?.type !== MOTION_SHAPE_TYPE) continue
      const { kind, direction, speed, strength, path } = annotation.props as unknown as MotionShapeProps
      motion.push({ kind, direction, speed, strength, path })
    }
  }
  return { props: shot.props as unknown as ShotShapeProps, references, motion, problems }
}
