import { describe, expect, it } from 'vitest'
import * as prng from 'lib0/prng'
import * as Y from 'yjs'
import { TLINSTANCE_ID, createShapeId, type HistoryEntry, type TLGeoShape, type TLRecord, type TLStore } from 'tldraw'
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
import { batchStoreListenersByFrame, endFrame } from './testing/frames'

batchStoreListenersByFrame()

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

/** Updates a rectangle in a store. */
function editGeo(store: TLStore, id: TLGeoShape['id'], change: (r: TLGeoShape) => TLGeoShape): void {
  store.update(id, (r) => change(r as TLGeoShape))
}

/**
 * Two clients sharing one rectangle, whose updates can be held back — both edits on the wire at
 * once, neither writer having seen the other's — and then delivered (each person's held updates
 * one by one, or merged into one update as a server may send them).
 */
function twoClientsWithHeldUpdates() {
  const a = client()
  const b = client(new Y.Doc())
  const held = new Map<Y.Doc, Uint8Array[]>([[a.doc, []], [b.doc, []]])
  let holding = false
  const relay = (from: Y.Doc, to: Y.Doc) =>
    from.on('update', (u: Uint8Array, origin: unknown) => {
      if (origin === 'remote') return
      if (holding) held.get(to)!.push(u)
      else Y.applyUpdate(to, u, 'remote')
    })
  Y.applyUpdate(b.doc, Y.encodeStateAsUpdate(a.doc), 'remote')
  relay(a.doc, b.doc)
  relay(b.doc, a.doc)
  const shape = rectangle()
  a.store.put([shape])
  endFrame(a.store)
  const hold = () => (holding = true)
  const deliver = ({ merged = false } = {}) => {
    holding = false
    for (const [to, updates] of held) {
      const batch = updates.splice(0)
      if (merged && batch.length > 0) Y.applyUpdate(to, Y.mergeUpdates(batch), 'remote')
      else for (const u of batch) Y.applyUpdate(to, u, 'remote')
    }
  }
  return { a, b, shape, hold, deliver }
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

  it('keeps both people\'s changes when they edit different fields of one record at the same moment', () => {
    const { a, b, shape, hold, deliver } = twoClientsWithHeldUpdates()
    hold()
    editGeo(a.store, shape.id, (r) => ({ ...r, x: 50, props: { ...r.props, w: 300 } }))
    editGeo(b.store, shape.id, (r) => ({ ...r, y: 70, props: { ...r.props, h: 200 } }))
    endFrame(a.store)
    endFrame(b.store)
    deliver()
    for (const side of [a, b]) {
      expect(side.store.get(shape.id)).toMatchObject({ x: 50, y: 70, props: { w: 300, h: 200 } })
      expect(readRecord(side.doc, shape.id)).toMatchObject({ x: 50, y: 70, props: { w: 300, h: 200 } })
    }
  })

  it('keeps them too when several of the other person\'s edits arrive in one update', () => {
    const { a, b, shape, hold, deliver } = twoClientsWithHeldUpdates()
    hold()
    a.store.update(shape.id, (r) => ({ ...r, x: 50 }))
    endFrame(a.store)
    editGeo(a.store, shape.id, (r) => ({ ...r, props: { ...r.props, w: 300 } }))
    endFrame(a.store)
    b.store.update(shape.id, (r) => ({ ...r, y: 70 }))
    endFrame(b.store)
    deliver({ merged: true })
    for (const side of [a, b]) {
      expect(side.store.get(shape.id)).toMatchObject({ x: 50, y: 70, props: { w: 300 } })
      expect(readRecord(side.doc, shape.id)).toMatchObject({ x: 50, y: 70, props: { w: 300 } })
    }
  })

  it('ends with each person\'s last value of their own field, however two people\'s edits and deliveries interleave', () => {
    for (let seed = 1; seed <= 200; seed++) {
      // Seeded, so a failing interleaving repeats.
      const generator = prng.create(seed)
      const random = () => prng.real53(generator)
      // Fixed client ids (which of two concurrent values Yjs keeps depends on them), either way round.
      const docs = [seededDoc(), new Y.Doc()]
      docs.forEach((doc, i) => (doc.clientID = seed % 2 === 0 ? 1000 + i : 1001 - i))
      const people = docs.map((doc) => client(doc))
      for (const p of people.slice(1)) Y.applyUpdate(p.doc, Y.encodeStateAsUpdate(people[0]!.doc), 'remote')
      // Updates on the wire, per receiver, in the order sent.
      const wire = new Map<Y.Doc, Uint8Array[]>(people.map((p) => [p.doc, []]))
      for (const from of people) {
        from.doc.on('update', (u: Uint8Array, origin: unknown) => {
          if (origin === 'remote') return
          for (const to of people) if (to !== from) wire.get(to.doc)!.push(u)
        })
      }
      const deliver = (to: Y.Doc, count: number) => {
        const batch = wire.get(to)!.splice(0, count)
        if (batch.length > 0) Y.applyUpdate(to, Y.mergeUpdates(batch), 'remote')
      }
      const shape = rectangle()
      people[0]!.store.put([shape])
      endFrame(people[0]!.store)
      for (const p of people) deliver(p.doc, Infinity)
      // Each person edits their own field; some edits are still waiting for their frame when updates land.
      const fields: ((r: TLGeoShape, v: number) => TLGeoShape)[] = [(r, v) => ({ ...r, x: v }), (r, v) => ({ ...r, y: v })]
      const last = [0, 0]
      for (let step = 1; step <= 40; step++) {
        const who = Math.floor(random() * 2)
        const p = people[who]!
        if (random() < 0.5) {
          last[who] = step
          p.store.update(shape.id, (r) => fields[who]!(r as TLGeoShape, step))
          if (random() < 0.7) endFrame(p.store)
        } else {
          deliver(p.doc, 1 + Math.floor(random() * 3))
        }
      }
      // Then everything is delivered, including the merges that delivering writes.
      for (let round = 0; round === 0 || (round < 20 && [...wire.values()].some((q) => q.length > 0)); round++) {
        for (const p of people) endFrame(p.store)
        for (const p of people) deliver(p.doc, Infinity)
      }
      for (const p of people) {
        const expected = { x: last[0], y: last[1] }
        expect(p.store.get(shape.id), `seed ${seed}`).toMatchObject(expected)
        expect(readRecord(p.doc, shape.id), `seed ${seed}`).toMatchObject(expected)
      }
    }
  })

  it("keeps a local edit not yet written when someone else's edit of another field of the record lands first", () => {
    const { a, b } = twoClients()
    const shape = rectangle()
    a.store.put([shape])
    endFrame(a.store)
    // b types into one field; before b's frame ends, a's edit of another field arrives.
    editGeo(b.store, shape.id, (r) => ({ ...r, props: { ...r.props, h: 200 } }))
    editGeo(a.store, shape.id, (r) => ({ ...r, props: { ...r.props, w: 300 } }))
    endFrame(a.store)
    endFrame(b.store)
    for (const side of [a, b]) {
      expect(side.store.get(shape.id)).toMatchObject({ props: { w: 300, h: 200 } })
      expect(readRecord(side.doc, shape.id)).toMatchObject({ props: { w: 300, h: 200 } })
    }
  })

  it('lets a later edit of the same field win over an earlier one it had seen', () => {
    const { a, b, shape } = twoClientsWithHeldUpdates()
    a.store.update(shape.id, (r) => ({ ...r, x: 10 }))
    endFrame(a.store)
    b.store.update(shape.id, (r) => ({ ...r, x: 99 }))
    endFrame(b.store)
    expect(a.store.get(shape.id)).toMatchObject({ x: 99 })
    expect(readRecord(a.doc, shape.id)).toMatchObject({ x: 99 })
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
