// @vitest-environment jsdom
import { afterEach, describe, expect, it } from 'vitest'
import * as Y from 'yjs'
import { AssetRecordType, createShapeId, type Editor, type TLShapeId } from 'tldraw'
import { putRecords, readRecord } from '@storyloom/shared/doc/boardDoc'
import type { TLShotShape } from '@storyloom/shared/storyboard/shotShape'
import { headlessBoardEditor } from '../board/testing/headlessEditor'
import { bindStoreToDoc } from './bindStoreToDoc'
import { boardStore, seededDoc } from './testing/boardFixtures'

// A generation result lands as a server-side doc change that rewrites the whole shot record
// (new media and active version) and adds the take's asset. The author is usually still
// looking at the shot: the landing must not take away their selection or their editing.

const editors: Editor[] = []
afterEach(() => editors.splice(0).forEach((editor) => editor.dispose()))

/** The server's doc, relaying every client's update to the other clients as the sync server does. */
function serverDoc(): Y.Doc {
  const server = seededDoc()
  server.on('update', (update: Uint8Array, origin: unknown) => {
    for (const client of clientDocs.get(server) ?? []) if (client !== origin) Y.applyUpdate(client, update, server)
  })
  return server
}
const clientDocs = new WeakMap<Y.Doc, Y.Doc[]>()

/** A client as the canvas builds it: a real tldraw editor on a store bound to its own doc, synced through the server's. */
function clientOf(server: Y.Doc): Editor {
  const doc = new Y.Doc()
  Y.applyUpdate(doc, Y.encodeStateAsUpdate(server), server)
  doc.on('update', (update: Uint8Array, origin: unknown) => origin !== server && Y.applyUpdate(server, update, doc))
  clientDocs.set(server, [...(clientDocs.get(server) ?? []), doc])
  const store = boardStore()
  bindStoreToDoc(store, doc)
  const editor = headlessBoardEditor(store)
  editors.push(editor)
  return editor
}

/** What `ResultCommitter` writes when a take lands: the take's asset, and the shot showing it. */
function landTake(server: Y.Doc, shotId: TLShapeId, take: string): void {
  const sha = take.padEnd(64, '0')
  const src = `/api/boards/b1/assets/${sha}`
  const assetId = AssetRecordType.createId(sha)
  server.transact(() => {
    const shot = readRecord(server, shotId) as TLShotShape
    putRecords(server, [
      { id: assetId, typeName: 'asset', type: 'image', meta: {}, props: { name: `${take}.png`, src, w: 64, h: 64, mimeType: 'image/png', isAnimated: false } },
      { ...shot, props: { ...shot.props, media: { assetId, src, kind: 'image', model: 'Built-in (built-in)' }, activeVersionId: take } },
    ])
  }, 'server')
}

function placeShot(editor: Editor): TLShapeId {
  const id = createShapeId()
  editor.createShape({ id, type: 'shot', x: 0, y: 0 })
  editor.select(id)
  return id
}

describe('a generation result landing on the selected shot', () => {
  it("keeps the author's selection, and shows the take", () => {
    const server = serverDoc()
    const ada = clientOf(server)
    const shot = placeShot(ada)
    landTake(server, shot, 'take1')
    expect(ada.getShape<TLShotShape>(shot)?.props.activeVersionId).toBe('take1')
    expect(ada.getSelectedShapeIds()).toEqual([shot])
    landTake(server, shot, 'take2')
    expect(ada.getOnlySelectedShape()?.id).toBe(shot)
  })

  it('keeps a title being edited in place', () => {
    const server = serverDoc()
    const ada = clientOf(server)
    const shot = placeShot(ada)
    ada.setEditingShape(shot)
    ada.setCurrentTool('select.editing_shape')
    landTake(server, shot, 'take1')
    expect(ada.getEditingShapeId()).toBe(shot)
    expect(ada.isIn('select.editing_shape')).toBe(true)
    expect(ada.getSelectedShapeIds()).toEqual([shot])
  })

  it("keeps each person's own selection when another has the shot selected too", () => {
    const server = serverDoc()
    const ada = clientOf(server)
    const ben = clientOf(server)
    const shot = placeShot(ada)
    const other = placeShot(ada)
    ben.select(shot)
    ada.select(other)
    landTake(server, shot, 'take1')
    expect(ben.getSelectedShapeIds()).toEqual([shot])
    expect(ada.getSelectedShapeIds()).toEqual([other])
    expect(ben.getShape<TLShotShape>(shot)?.props.media?.src).toContain('take1')
  })
})
