import { beforeAll, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import { TLINSTANCE_ID, createShapeId, type HistoryEntry, type TLRecord, type TLStore } from 'tldraw'
import { readRecord, recordsMap } from '@storyloom/shared/doc/boardDoc'
import { LOCAL_ORIGIN, bindStoreToDoc } from './bindStoreToDoc'
import {
  PAGE_ID,
  arrow,
  arrowBinding,
  boardStore,
  connectDocs,
  drawShape,
  imageAsset,
  rectangle,
  seededDoc,
} from './testing/boardFixtures'

/**
 * In a browser, store listeners fire once per animation frame with everything that changed in
 * it. Under NODE_ENV=test tldraw fires them synchronously instead; these tests restore frame
 * batching with frames that never run on their own, and end a "frame" explicitly.
 */
beforeAll(() => {
  vi.stubGlobal('__FORCE_RAF_IN_TESTS__', true)
  vi.stubGlobal('requestAnimationFrame', () => 1)
  vi.stubGlobal('cancelAnimationFrame', () => {})
})
function endFrame(store: TLStore): void {
  store._flushHistory()
}

function client(doc = seededDoc()) {
  const store = boardStore()
  const dispose = bindStoreToDoc(store, doc)
  return { doc, store, dispose }
}

/** Two clients whose docs exchange updates, as through the sync server. */
function twoClients() {
  const a = client()
  const b = client(new Y.Doc())
  connectDocs(a.doc, b.doc)
  return { a, b }
}

describe('bindStoreToDoc', () => {
  it("loads the doc's records without seeding anything of its own", () => {
    const { store } = client()
    expect(store.get(PAGE_ID)?.typeName).toBe('page')
    expect(store.query.ids('page').get().size).toBe(1)
  })

  it('writes one batch of local changes as one doc transaction, tagged as local', () => {
    const { store, doc } = client()
    const origins: unknown[] = []
    doc.on('afterTransaction', (tr: Y.Transaction) => origins.push(tr.origin))
    const r1 = rectangle()
    const r2 = rectangle()
    store.put([r1])
    store.put([r2])
    store.update(r1.id, (r) => ({ ...r, x: 50 }))
    endFrame(store)
    expect(origins).toEqual([LOCAL_ORIGIN])
    expect(readRecord(doc, r1.id)).toMatchObject({ x: 50 })
    expect(readRecord(doc, r2.id)).toEqual(r2)
  })

  it('applies remote changes as remote (outside the undo stack) and removes deleted records', () => {
    const { a, b } = twoClients()
    const sources: string[] = []
    b.store.listen((entry) => sources.push(entry.source), { scope: 'document' })
    const shape = rectangle()
    a.store.put([shape])
    endFrame(a.store)
    endFrame(b.store)
    expect(b.store.get(shape.id)).toEqual(shape)
    a.store.remove([shape.id])
    endFrame(a.store)
    endFrame(b.store)
    expect(b.store.get(shape.id)).toBeUndefined()
    expect(sources).toEqual(['remote', 'remote'])
  })

  it('delivers an arrow and its binding in one batch', () => {
    const { a, b } = twoClients()
    const target = rectangle()
    a.store.put([target])
    endFrame(a.store)
    const entries: HistoryEntry<TLRecord>[] = []
    b.store.listen((entry) => entries.push(entry), { scope: 'document' })
    const arrowShape = arrow()
    const binding = arrowBinding(arrowShape.id, target.id)
    a.store.put([binding, arrowShape])
    endFrame(a.store)
    endFrame(b.store)
    expect(entries).toHaveLength(1)
    expect(Object.keys(entries[0]!.changes.added).sort()).toEqual([arrowShape.id, binding.id].sort())
  })

  it('keeps store and doc in agreement when a remote edit lands before the local batch is written', () => {
    const { a, b } = twoClients()
    const shape = rectangle()
    a.store.put([shape])
    endFrame(a.store)
    // b edits locally; before b's frame ends, a's edit of the same record arrives.
    b.store.update(shape.id, (r) => ({ ...r, x: 10 }))
    a.store.update(shape.id, (r) => ({ ...r, x: 20 }))
    endFrame(a.store)
    endFrame(b.store)
    expect(b.store.get(shape.id)).toMatchObject({ x: 20 })
    expect(readRecord(b.doc, shape.id)).toMatchObject({ x: 20 })
    expect(readRecord(a.doc, shape.id)).toMatchObject({ x: 20 })
  })

  it('does not write remote or session changes back to the doc', () => {
    const { a, b } = twoClients()
    const writes: unknown[] = []
    b.doc.on('afterTransaction', (tr: Y.Transaction) => tr.origin === LOCAL_ORIGIN && writes.push(tr))
    a.store.put([rectangle()])
    endFrame(a.store)
    b.store.update(TLINSTANCE_ID, (instance) => ({ ...instance, isFocusMode: true }))
    endFrame(b.store)
    expect(writes).toHaveLength(0)
    expect(recordsMap(b.doc).has(TLINSTANCE_ID)).toBe(false)
  })

  it('shares an uploaded asset only once it has its URL', () => {
    const { store, doc } = client()
    const asset = imageAsset('')
    store.put([asset])
    endFrame(store)
    expect(recordsMap(doc).has(asset.id)).toBe(false)
    store.put([{ ...asset, props: { ...asset.props, src: '/api/boards/b/assets/abc' } }])
    endFrame(store)
    expect(readRecord(doc, asset.id)).toMatchObject({ props: { src: '/api/boards/b/assets/abc' } })
  })

  it('stops syncing in both directions once disposed', () => {
    const { a, b } = twoClients()
    b.dispose()
    const fromA = rectangle()
    a.store.put([fromA])
    endFrame(a.store)
    expect(b.store.get(fromA.id)).toBeUndefined()
    const fromB = rectangle()
    b.store.put([fromB])
    endFrame(b.store)
    expect(recordsMap(b.doc).has(fromB.id)).toBe(false)
  })

  it('sends a growing freehand stroke at >= 20x fewer bytes than whole-record writes', () => {
    const { store, doc } = client()
    const id = createShapeId('stroke')
    const points = [{ x: 0, y: 0, z: 0.5 }]
    store.put([drawShape(id, points)])
    endFrame(store)

    let layoutBytes = 0
    doc.on('update', (update: Uint8Array) => (layoutBytes += update.byteLength))
    // Baseline measured in the same run: the whole record written into a Y.Map per update.
    const naive = new Y.Doc()
    const naiveRecords = naive.getMap('records')
    let wholeRecordBytes = 0
    naive.on('update', (update: Uint8Array) => (wholeRecordBytes += update.byteLength))

    for (let i = 1; i <= 600; i++) {
      points.push({ x: i * 2, y: Math.sin(i / 10) * 40, z: 0.5 })
      store.update(id, () => drawShape(id, points))
      endFrame(store) // one pointer move per frame: the worst case
      naive.transact(() => naiveRecords.set(id, store.get(id)))
    }

    expect(readRecord(doc, id)).toEqual(store.get(id))
    expect(wholeRecordBytes / layoutBytes).toBeGreaterThanOrEqual(20)
  })
})
