import { describe, expect, it } from 'vitest'
import { HistoryManager } from 'tldraw'
import type { TLGeoShape, TLRecord } from 'tldraw'
import { boardStore, rectangle } from './testing/boardFixtures'
import { undoOwnChangesOnly } from './undoOwnChangesOnly'

/** Marks an undo stopping point, as the editor's `markHistoryStoppingPoint` does (tldraw-internal). */
function mark(history: HistoryManager<TLRecord>, id: string): void {
  ;(history as unknown as { _mark(id: string): void })._mark(id)
}

/** A store with tldraw's undo history, as the editor keeps it, and one rectangle in it. */
function storeWithHistory() {
  const store = boardStore()
  undoOwnChangesOnly(store)
  const history = new HistoryManager({ store })
  const shape = rectangle()
  store.put([shape])
  mark(history, 'placed')
  return { store, history, shape }
}

/** Someone else's change, as bindStoreToDoc applies it: outside the undo stack. */
function remote(store: ReturnType<typeof boardStore>, shape: TLGeoShape, change: (s: TLGeoShape) => TLGeoShape) {
  store.mergeRemoteChanges(() => store.put([change(store.get(shape.id) as TLGeoShape)]))
}

describe('undoOwnChangesOnly', () => {
  it('undoes and redoes my change without undoing what someone else changed on the same record since', () => {
    const { store, history, shape } = storeWithHistory()
    mark(history, 'before mine')
    store.update(shape.id, (s) => ({ ...(s as TLGeoShape), x: 50, props: { ...(s as TLGeoShape).props, color: 'red' as const } }))
    remote(store, shape, (s) => ({ ...s, y: 80, props: { ...s.props, w: 300 }, meta: { landed: true } }))

    history.undo()
    expect(store.get(shape.id)).toMatchObject({ x: shape.x, y: 80, props: { color: shape.props.color, w: 300 }, meta: { landed: true } })
    history.redo()
    expect(store.get(shape.id)).toMatchObject({ x: 50, y: 80, props: { color: 'red', w: 300 }, meta: { landed: true } })
  })

  it('leaves a property alone when someone else changed it after me: undo does not put back my older value over theirs', () => {
    const { store, history, shape } = storeWithHistory()
    mark(history, 'before mine')
    store.update(shape.id, (s) => ({ ...(s as TLGeoShape), x: 50, props: { ...(s as TLGeoShape).props, color: 'red' as const } }))
    remote(store, shape, (s) => ({ ...s, x: 70, props: { ...s.props, color: 'blue' } }))

    history.undo()
    expect(store.get(shape.id)).toMatchObject({ x: 70, props: { color: 'blue' } })
    history.redo()
    expect(store.get(shape.id)).toMatchObject({ x: 70, props: { color: 'blue' } })
  })

  it('undoes the properties of my change that nobody touched since, and keeps the ones someone did', () => {
    const { store, history, shape } = storeWithHistory()
    mark(history, 'before mine')
    store.update(shape.id, (s) => ({ ...(s as TLGeoShape), x: 50, y: 60, props: { ...(s as TLGeoShape).props, color: 'red' as const, w: 222 } }))
    remote(store, shape, (s) => ({ ...s, y: 90, props: { ...s.props, w: 333 } }))

    history.undo()
    expect(store.get(shape.id)).toMatchObject({ x: shape.x, y: 90, props: { color: shape.props.color, w: 333 } })
  })

  it('leaves alone what someone else changed in the middle of my one undo step (as a shot reordered while I type its title)', () => {
    const { store, history, shape } = storeWithHistory()
    mark(history, 'typing')
    // Two changes of mine, one undo step (as keystrokes are); between them another person's
    // change moves the shape and its order.
    store.update(shape.id, (s) => ({ ...(s as TLGeoShape), props: { ...(s as TLGeoShape).props, color: 'red' as const } }))
    remote(store, shape, (s) => ({ ...s, x: 70, index: 'a9' as TLGeoShape['index'], props: { ...s.props, w: 300 } }))
    store.update(shape.id, (s) => ({ ...(s as TLGeoShape), props: { ...(s as TLGeoShape).props, color: 'green' as const } }))

    history.undo()
    expect(store.get(shape.id)).toMatchObject({ x: 70, index: 'a9', props: { color: shape.props.color, w: 300 } })
    history.redo()
    expect(store.get(shape.id)).toMatchObject({ x: 70, index: 'a9', props: { color: 'green', w: 300 } })
  })

  it('still undoes my change of an object-valued key that a change of someone else carried unchanged (a remote record is a fresh copy)', () => {
    const { store, history, shape } = storeWithHistory()
    mark(history, 'before mine')
    store.update(shape.id, (s) => ({ ...s, meta: { camera: { lensMm: 24 } } }))
    // Records that arrive from the doc are new objects throughout, equal where nothing changed.
    remote(store, shape, (s) => ({ ...(JSON.parse(JSON.stringify(s)) as TLGeoShape), y: 90 }))

    history.undo()
    expect(store.get(shape.id)).toMatchObject({ y: 90, meta: {} })
    expect(store.get(shape.id)!.meta).not.toHaveProperty('camera')
  })

  it('still undoes a record I created, and puts back one I deleted', () => {
    const { store, history, shape } = storeWithHistory()
    mark(history, 'before delete')
    store.remove([shape.id])
    history.undo()
    expect(store.get(shape.id)).toEqual(shape)
  })
})
