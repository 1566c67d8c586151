import type { TLRecord } from '@tldraw/tlschema'
import { validateBoardRecord } from '@storyloom/shared/schema/boardSchema'

/**
 * A valid tldraw rectangle on the seeded page, as the canvas would write it. Benchmarks write
 * real records so the Storyloom server validates them exactly as it does in use.
 */
export function rectangle(id: string, x: number, y: number, meta: Record<string, number | string> = {}): TLRecord {
  const record = {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'geo',
    x,
    y,
    rotation: 0,
    index: 'a1',
    parentId: 'page:page',
    isLocked: false,
    opacity: 1,
    meta,
    props: {
      geo: 'rectangle',
      dash: 'draw',
      url: '',
      w: 120,
      h: 80,
      growY: 0,
      scale: 1,
      flipX: false,
      flipY: false,
      labelColor: 'black',
      color: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: { type: 'doc', content: [{ type: 'paragraph' }] },
    },
  }
  const checked = validateBoardRecord(record, null)
  if (!checked.ok) throw new Error(`benchmark record is invalid: ${checked.reason}`)
  return checked.record
}
