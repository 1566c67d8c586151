import type * as Y from 'yjs'
import { readAllRecords } from '@storyloom/shared/doc/boardDoc'

/** Plain-JSON tldraw records, as the canvas writes them into the board doc. */

export function pageRecord(id: string, name: string, extra: Record<string, unknown> = {}) {
  return { id: `page:${id}`, typeName: 'page', name, index: 'a2', meta: {}, ...extra }
}

/** A frame (a shot's frame on the canvas). */
export function frameShape(id: string, parentId: string, extra: Record<string, unknown> = {}) {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'frame',
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    parentId,
    index: 'a1',
    props: { w: 160, h: 90, name: 'Shot 1', color: 'black' },
    ...extra,
  }
}

/** A freehand stroke with one segment whose encoded points are `path` (`dim` 2: mouse input, no pressure). */
export function drawShape(id: string, parentId: string, path: string, dim?: 2 | 3) {
  return {
    id: `shape:${id}`,
    typeName: 'shape',
    type: 'draw',
    x: 0,
    y: 0,
    rotation: 0,
    isLocked: false,
    opacity: 1,
    meta: {},
    parentId,
    index: 'a3',
    props: {
      color: 'black',
      fill: 'none',
      dash: 'draw',
      size: 'm',
      segments: [{ type: 'free', path, ...(dim ? { dim } : {}) }],
      isComplete: false,
      isClosed: false,
      isPen: false,
      scale: 1,
      scaleX: 1,
      scaleY: 1,
    },
  }
}

/** The page records in a doc. */
export function pagesOf(doc: Y.Doc) {
  return readAllRecords(doc).filter((r) => r.typeName === 'page')
}
