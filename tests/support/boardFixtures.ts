import type * as Y from 'yjs'
import type { TLParentId, TLShapeId } from '@tldraw/tlschema'
import { readAllRecords } from '@storyloom/shared/doc/boardDoc'
import { drawShapeProps } from '@storyloom/shared/schema/testing/drawShapeProps'
import { defaultMotionProps, type MotionShapeProps } from '@storyloom/shared/storyboard/motionShape'
import { createShotShape } from '@storyloom/shared/storyboard/shotShape'

/** Plain-JSON tldraw records, as the canvas writes them into the board doc. */

/** The fields every shape record has: `shape:<id>` of `type` under `parentId`, unrotated and unlocked. */
function shapeBase(id: string, type: string, parentId: string, index: string, x = 0) {
  return { id: `shape:${id}`, typeName: 'shape', type, x, y: 0, rotation: 0, isLocked: false, opacity: 1, meta: {}, parentId, index }
}

export function pageRecord(id: string, name: string, extra: Record<string, unknown> = {}) {
  return { id: `page:${id}`, typeName: 'page', name, index: 'a2', meta: {}, ...extra }
}

/** A frame (a shot's frame on the canvas). */
export function frameShape(id: string, parentId: string, extra: Record<string, unknown> = {}) {
  return {
    ...shapeBase(id, 'frame', parentId, 'a1'),
    props: { w: 160, h: 90, name: 'Shot 1', color: 'black' },
    ...extra,
  }
}

/** A freehand stroke with one segment whose encoded points are `path` (`dim` 2: mouse input, no pressure). */
export function drawShape(id: string, parentId: string, path: string, dim?: 2 | 3) {
  return {
    ...shapeBase(id, 'draw', parentId, 'a3'),
    props: drawShapeProps([{ type: 'free', path, ...(dim ? { dim } : {}) }]),
  }
}

/** The page records in a doc. */
export function pagesOf(doc: Y.Doc) {
  return readAllRecords(doc).filter((r) => r.typeName === 'page')
}

/** A shot on `parentId` with the shared defaults (a 16:9 medium shot). */
export function shotShape(id: string, parentId: string, extra: Record<string, unknown> = {}) {
  return { ...createShotShape({ id: `shape:${id}` as TLShapeId, parentId: parentId as TLParentId, index: 'a4' as Parameters<typeof createShotShape>[0]['index'] }), ...extra }
}

/** An image shape showing no asset yet (as tldraw creates it while the file uploads). */
export function imageShape(id: string, parentId: string) {
  return {
    ...shapeBase(id, 'image', parentId, 'a5', 400),
    props: { w: 120, h: 80, playing: true, url: '', assetId: null, crop: null, flipX: false, flipY: false, altText: '' },
  }
}

/** An image shape showing the uploaded asset `assetId` (its record from {@link imageAssetRecord}). */
export function uploadedImageShape(id: string, parentId: string, assetId: string) {
  const shape = imageShape(id, parentId)
  return { ...shape, props: { ...shape.props, assetId: `asset:${assetId}` } }
}

/** The tldraw asset record of a file uploaded to the board (`src` is its board asset URL). */
export function imageAssetRecord(assetId: string, src: string, mimeType = 'image/png') {
  return { id: `asset:${assetId}`, typeName: 'asset', type: 'image', meta: {}, props: { name: `${assetId.slice(0, 8)}.png`, src, w: 64, h: 64, mimeType, isAnimated: false } }
}

/** A camera-move annotation (a pan to frame right) on the canvas. */
export function motionShape(id: string, parentId: string, props: Partial<MotionShapeProps> = {}) {
  return {
    ...shapeBase(id, 'motion', parentId, 'a6'),
    props: { ...defaultMotionProps(), ...props },
  }
}

/** A binding of `type` from one shape to another (ids without the `shape:` prefix). */
export function bindingRecord(id: string, type: string, fromId: string, toId: string, props: Record<string, unknown> = {}) {
  return { id: `binding:${id}`, typeName: 'binding', type, fromId: `shape:${fromId}`, toId: `shape:${toId}`, props, meta: {} }
}

/** tldraw rich text of one paragraph saying `text`. */
function richText(text: string) {
  return { type: 'doc', content: [{ type: 'paragraph', content: [{ type: 'text', text }] }] }
}

/** A sticky note saying `text`. */
export function noteShape(id: string, parentId: string, text: string) {
  return {
    ...shapeBase(id, 'note', parentId, 'a7', 600),
    props: {
      color: 'yellow', labelColor: 'black', size: 'm', font: 'draw', fontSizeAdjustment: null, align: 'middle', verticalAlign: 'middle',
      growY: 0, url: '', richText: richText(text), scale: 1, textLastEditedBy: null,
    },
  }
}

/** A text shape saying `text`. */
export function textShape(id: string, parentId: string, text: string) {
  return {
    ...shapeBase(id, 'text', parentId, 'a8', 800),
    props: { color: 'black', size: 'm', font: 'draw', textAlign: 'start', w: 200, richText: richText(text), scale: 1, autoSize: true },
  }
}
