import * as Y from 'yjs'
import {
  AssetRecordType,
  DocumentRecordType,
  PageRecordType,
  TLDOCUMENT_ID,
  UserRecordType,
  atom,
  b64Vecs,
  createBindingId,
  createShapeId,
  createTLStore,
  toRichText,
  type TLArrowBinding,
  type TLArrowShape,
  type TLDrawShape,
  type TLGeoShape,
  type TLImageAsset,
  type TLPageId,
  type TLRecord,
  type TLShapeId,
  type TLStore,
  type VecModel,
} from 'tldraw'
import { putRecords } from '@storyloom/shared/doc/boardDoc'
import { boardSchema } from '@storyloom/shared/schema/boardSchema'
import { drawShapeProps } from '@storyloom/shared/schema/testing/drawShapeProps'

/** Test fixtures: what the server seeds, and shapes as tldraw's tools create them. */
export const PAGE_ID = PageRecordType.createId('main')

/** A doc seeded the way the server seeds a new board: the document record and one page. */
export function seededDoc(): Y.Doc {
  const doc = new Y.Doc()
  doc.transact(() =>
    putRecords(doc, [
      DocumentRecordType.create({ id: TLDOCUMENT_ID }),
      PageRecordType.create({ id: PAGE_ID, name: 'Page 1', index: 'a1' as never }),
    ]),
  )
  return doc
}

/** A store built like the canvas builds it; `user` stands in for the signed-in user. */
export function boardStore(user?: { id: string; name: string; color: string }): TLStore {
  if (!user) return createTLStore({ schema: boardSchema })
  const currentUser = atom('current user', UserRecordType.create({ ...user, id: UserRecordType.createId(user.id) }))
  return createTLStore({ schema: boardSchema, users: { currentUser } })
}

/** A store (see {@link boardStore}) holding a synced board: the document record, one page and `records`. */
export function boardStoreWith(...records: TLRecord[]): TLStore {
  const store = boardStore()
  store.put([DocumentRecordType.create({ id: TLDOCUMENT_ID }), PageRecordType.create({ id: PAGE_ID, name: 'Page 1', index: 'a1' as never }), ...records])
  return store
}

/** Two docs that exchange every update, like two clients on one server. */
export function connectDocs(a: Y.Doc, b: Y.Doc): void {
  Y.applyUpdate(b, Y.encodeStateAsUpdate(a), 'remote')
  Y.applyUpdate(a, Y.encodeStateAsUpdate(b), 'remote')
  a.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(b, u, 'remote'))
  b.on('update', (u: Uint8Array, origin: unknown) => origin !== 'remote' && Y.applyUpdate(a, u, 'remote'))
}

const base = { rotation: 0, isLocked: false, opacity: 1, meta: {}, parentId: PAGE_ID as TLPageId } as const

export function rectangle(id: TLShapeId = createShapeId(), x = 0): TLGeoShape {
  return {
    ...base,
    id,
    typeName: 'shape',
    type: 'geo',
    x,
    y: 0,
    index: 'a1' as never,
    props: {
      w: 100,
      h: 80,
      geo: 'rectangle',
      dash: 'draw',
      growY: 0,
      url: '',
      scale: 1,
      flipX: false,
      flipY: false,
      color: 'black',
      labelColor: 'black',
      fill: 'none',
      size: 'm',
      font: 'draw',
      align: 'middle',
      verticalAlign: 'middle',
      richText: toRichText(''),
    },
  }
}

export function drawShape(id: TLShapeId, points: VecModel[]): TLDrawShape {
  return {
    ...base,
    id,
    typeName: 'shape',
    type: 'draw',
    x: 0,
    y: 0,
    index: 'a2' as never,
    props: drawShapeProps([{ type: 'free', path: b64Vecs.encodePoints(points) }]),
  }
}

export function arrow(id: TLShapeId = createShapeId()): TLArrowShape {
  return {
    ...base,
    id,
    typeName: 'shape',
    type: 'arrow',
    x: 0,
    y: 0,
    index: 'a3' as never,
    props: {
      kind: 'arc',
      elbowMidPoint: 0.5,
      dash: 'draw',
      size: 'm',
      fill: 'none',
      color: 'black',
      labelColor: 'black',
      bend: 0,
      start: { x: 0, y: 0 },
      end: { x: 200, y: 0 },
      arrowheadStart: 'none',
      arrowheadEnd: 'arrow',
      richText: toRichText(''),
      labelPosition: 0.5,
      font: 'draw',
      scale: 1,
    },
  }
}

/** An image asset as tldraw creates it for a dropped file; `src` is '' until the upload finishes. */
export function imageAsset(src: string): TLImageAsset {
  return {
    id: AssetRecordType.createId('frame'),
    typeName: 'asset',
    type: 'image',
    meta: {},
    props: { name: 'frame.png', src, w: 640, h: 360, mimeType: 'image/png', isAnimated: false },
  }
}

export function arrowBinding(arrowId: TLShapeId, toId: TLShapeId): TLArrowBinding {
  return {
    id: createBindingId(),
    typeName: 'binding',
    type: 'arrow',
    fromId: arrowId,
    toId,
    meta: {},
    props: { terminal: 'end', normalizedAnchor: { x: 0.5, y: 0.5 }, isExact: false, isPrecise: false, snap: 'none' },
  }
}
