import { b64Vecs, type TLRecord } from '@tldraw/tlschema'
import { validateBoardRecord } from '@storyloom/shared/schema/boardSchema'

/**
 * The draw shape tldraw's draw tool writes after `count` pointer moves of a mouse stroke
 * (2-D points, delta-encoded base64 path), validated against the board schema.
 */
export function strokeAfter(count: number, id = 'shape:stroke'): TLRecord {
  const points = Array.from({ length: count }, (_, i) => ({ x: i * 1.5, y: 40 * Math.sin(i / 25) }))
  const record = {
    id,
    typeName: 'shape',
    type: 'draw',
    x: 100,
    y: 100,
    rotation: 0,
    index: 'a2',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta: {},
    props: {
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      segments: [{ type: 'free', path: b64Vecs.encodePoints(points, 2), dim: 2 }],
      isComplete: false,
      isClosed: false,
      isPen: false,
      scale: 1,
      scaleX: 1,
      scaleY: 1,
    },
  }
  const checked = validateBoardRecord(record, null)
  if (!checked.ok) throw new Error(`stroke record is invalid: ${checked.reason}`)
  return checked.record
}
