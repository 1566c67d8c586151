import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import type * as Y from 'yjs'
import { UserRecordType, createShapeId, type TLStore } from 'tldraw'
import { bindStoreToDoc } from './bindStoreToDoc'
import { UnsentEdits, unsentEditsKey } from './unsentEdits'
import { boardStore, rectangle, seededDoc } from './testing/boardFixtures'

/** One browser's localStorage, shared by its tabs; `storage` events reach the other tabs. */
class BrowserStorage {
  readonly items = new Map<string, string>()
  getItem(key: string): string | null {
    return this.items.get(key) ?? null
  }
  setItem(key: string, value: string): void {
    this.items.set(key, value)
  }
  removeItem(key: string): void {
    this.items.delete(key)
  }
}

let storage: BrowserStorage
let page: EventTarget

beforeEach(() => {
  storage = new BrowserStorage()
  // tldraw reads window.devicePixelRatio when it makes the instance record.
  page = Object.assign(new EventTarget(), { devicePixelRatio: 1 })
  vi.stubGlobal('localStorage', storage)
  vi.stubGlobal('window', page)
})
afterEach(() => {
  vi.unstubAllGlobals()
})

/** What the browser tells every other tab when one tab changes a storage key. */
function storageEventFromOtherTab(key: string): void {
  page.dispatchEvent(Object.assign(new Event('storage'), { key, newValue: storage.getItem(key) }))
}

/** A tab with a board open: its store bound to its doc, and the flag tracked as BoardSession does. */
function openTab(boardId: string, online: { connected: boolean }) {
  const doc: Y.Doc = seededDoc()
  const store: TLStore = boardStore({ id: 'ben', name: 'Ben', color: '#0000ff' })
  const unbind = bindStoreToDoc(store, doc)
  const unsent = new UnsentEdits(boardId)
  const untrack = unsent.track(doc, () => online.connected)
  const close = () => {
    untrack()
    unbind()
  }
  return { doc, store, unsent, close }
}

const addShot = (store: TLStore) => store.put([rectangle(createShapeId())])

describe('UnsentEdits', () => {
  it('is set by an edit made offline, and not by one made online', () => {
    const online = { connected: true }
    const tab = openTab('b1', online)
    addShot(tab.store)
    expect(tab.unsent.waiting.get()).toBe(false)
    online.connected = false
    addShot(tab.store)
    expect(tab.unsent.waiting.get()).toBe(true)
    expect(storage.getItem(unsentEditsKey('b1'))).not.toBeNull()
    tab.close()
  })

  it('does not count the person’s own user record written when the canvas opens offline', () => {
    const tab = openTab('b1', { connected: false })
    tab.store.put([UserRecordType.create({ id: UserRecordType.createId('ben'), name: 'Ben', color: '#0000ff' })])
    expect(tab.unsent.waiting.get()).toBe(false)
    tab.close()
  })

  it('survives a reload: a new page of the same board still knows', () => {
    const tab = openTab('b1', { connected: false })
    addShot(tab.store)
    tab.close()
    expect(new UnsentEdits('b1').waiting.get()).toBe(true)
  })

  it('is cleared by the next completed sync, also in storage', () => {
    const online = { connected: false }
    const tab = openTab('b1', online)
    addShot(tab.store)
    online.connected = true
    tab.unsent.sent()
    expect(tab.unsent.waiting.get()).toBe(false)
    expect(new UnsentEdits('b1').waiting.get()).toBe(false)
    tab.close()
  })

  it('is kept per board', () => {
    const tab = openTab('b1', { connected: false })
    addShot(tab.store)
    expect(new UnsentEdits('b2').waiting.get()).toBe(false)
    new UnsentEdits('b2').sent()
    expect(new UnsentEdits('b1').waiting.get()).toBe(true)
    tab.close()
  })

  it('follows another tab of the same board: waiting while it holds edits, not after its sync sent them', () => {
    const online = { connected: false }
    const first = openTab('b1', online)
    const second = openTab('b1', online)
    addShot(first.store)
    storageEventFromOtherTab(unsentEditsKey('b1'))
    expect(second.unsent.waiting.get()).toBe(true)

    online.connected = true
    first.unsent.sent()
    storageEventFromOtherTab(unsentEditsKey('b1'))
    expect(second.unsent.waiting.get()).toBe(false)

    // The second tab's own later offline edit still counts.
    online.connected = false
    addShot(second.store)
    expect(second.unsent.waiting.get()).toBe(true)
    first.close()
    second.close()
  })

  it('ignores other boards’ keys', () => {
    const tab = openTab('b1', { connected: false })
    storage.setItem(unsentEditsKey('b2'), '1')
    storageEventFromOtherTab(unsentEditsKey('b2'))
    expect(tab.unsent.waiting.get()).toBe(false)
    tab.close()
  })
})
