import { b64Vecs, type TLRecord } from '@tldraw/tlschema'
import { validateBoardRecord } from '@storyloom/shared/schema/boardSchema'
import { drawShape } from '../../support/boardFixtures'

/**
 * The draw shape tldraw's draw tool writes after `count` pointer moves of a mouse stroke
 * (2-D points, delta-encoded base64 path), validated against the board schema.
 */
export function strokeAfter(count: number): TLRecord {
  const points = Array.from({ length: count }, (_, i) => ({ x: i * 1.5, y: 40 * Math.sin(i / 25) }))
  const checked = validateBoardRecord(drawShape('stroke', 'page:page', b64Vecs.encodePoints(points, 2), 2), null)
  if (!checked.ok) throw new Error(`stroke record is invalid: ${checked.reason}`)
  return checked.record
}
