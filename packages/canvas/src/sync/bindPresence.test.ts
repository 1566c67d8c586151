import { describe, expect, it } from 'vitest'
import { Awareness, removeAwarenessStates } from 'y-protocols/awareness'
import { InstancePresenceRecordType, TLPOINTER_ID, atom, type TLStore, type TLUserId } from 'tldraw'
import { readAllRecords } from '@storyloom/shared/doc/boardDoc'
import { bindPresence } from './bindPresence'
import { bindStoreToDoc } from './bindStoreToDoc'
import { MAX_PAGE_COORDINATE, MAX_SCREEN_SIZE, MIN_ZOOM } from './presenceBounds'
import { PAGE_ID, boardStore, seededDoc } from './testing/boardFixtures'
import { connectAwareness } from './testing/connectAwareness'

function peer(user: { id: string; name: string; color: string }) {
  const doc = seededDoc()
  const store = boardStore(user)
  bindStoreToDoc(store, doc)
  const awareness = new Awareness(doc)
  const dispose = bindPresence(store, awareness, { throttleMs: 0 })
  return { doc, store, awareness, dispose }
}

function movePointer(store: TLStore, x: number, y: number): void {
  store.update(TLPOINTER_ID, (p) => ({ ...p, x, y, lastActivityTimestamp: 1000 }))
}

const presences = (store: TLStore) => store.query.records('instance_presence').get()

/** Presence broadcasts are throttled with a timer; wait for the pending one. */
const nextBroadcast = () => new Promise((resolve) => setTimeout(resolve, 5))

const ADA = { id: 'ada', name: 'Ada', color: '#ff0000' }
const BO = { id: 'bo', name: 'Bo', color: '#00ff00' }

/** Ada and Bo sharing presence, after Ada's pointer moved to (`x`, `y`) and was broadcast. */
async function adaMovedForBo(x: number, y: number) {
  const ada = peer(ADA)
  const bo = peer(BO)
  connectAwareness(ada.awareness, bo.awareness)
  movePointer(ada.store, x, y)
  await nextBroadcast()
  return { ada, bo }
}

describe('bindPresence', () => {
  it("shows a peer's cursor, name and colour, and removes them when the peer leaves", async () => {
    const { ada, bo } = await adaMovedForBo(120, 45)

    const [seen] = presences(bo.store)
    expect(seen).toMatchObject({ userName: 'Ada', color: '#ff0000', cursor: { x: 120, y: 45 } })
    expect(seen?.id).toBe(InstancePresenceRecordType.createId(String(ada.awareness.clientID)))
    // Re-timed to when Bo saw the change, so clock skew cannot make Ada look inactive.
    expect(seen?.lastActivityTimestamp).toBeGreaterThan(1000)

    removeAwarenessStates(ada.awareness, [ada.awareness.clientID], 'left')
    expect(presences(bo.store)).toEqual([])
  })

  it('keeps presence out of the shared doc', async () => {
    const { ada, bo } = await adaMovedForBo(1, 2)
    bo.store._flushHistory()
    expect(presences(bo.store)).toHaveLength(1)
    expect(readAllRecords(bo.doc).some((r) => r.typeName === 'instance_presence')).toBe(false)
  })

  it('ignores a peer whose presence is malformed', () => {
    const bo = peer(BO)
    const rogue = new Awareness(seededDoc())
    connectAwareness(rogue, bo.awareness)
    rogue.setLocalState({ presence: { userName: 42 } })
    expect(presences(bo.store)).toEqual([])
  })

  it("keeps a hostile peer's camera, screen and cursor in bounds, so following them cannot break the view", () => {
    const bo = peer(BO)
    const rogue = new Awareness(seededDoc())
    connectAwareness(rogue, bo.awareness)
    const huge = Number.MAX_VALUE
    rogue.setLocalState({
      presence: InstancePresenceRecordType.create({
        id: InstancePresenceRecordType.createId('rogue'),
        userId: 'user:rogue' as TLUserId,
        userName: 'Rogue',
        currentPageId: PAGE_ID,
        camera: { x: -huge, y: huge, z: 0 },
        screenBounds: { x: huge, y: 0, w: 0, h: huge },
        cursor: { x: huge, y: -huge, type: 'default', rotation: 0 },
      }),
    })
    const [seen] = presences(bo.store)
    expect(seen?.userName).toBe('Rogue') // still listed, cursor and all
    expect(seen?.camera).toEqual({ x: -MAX_PAGE_COORDINATE, y: MAX_PAGE_COORDINATE, z: MIN_ZOOM })
    expect(seen?.screenBounds).toEqual({ x: MAX_SCREEN_SIZE, y: 0, w: 1, h: MAX_SCREEN_SIZE })
    expect(seen?.cursor).toMatchObject({ x: MAX_PAGE_COORDINATE, y: -MAX_PAGE_COORDINATE })
  })

  it('shares no view or cursor while the canvas is not on screen (Present), so nobody follows or goes to a stale origin', async () => {
    const onCanvas = atom('on canvas', false)
    const ada = { doc: seededDoc(), store: boardStore(ADA) }
    bindStoreToDoc(ada.store, ada.doc)
    const adaAwareness = new Awareness(ada.doc)
    bindPresence(ada.store, adaAwareness, { throttleMs: 0, onCanvas })
    const bo = peer(BO)
    connectAwareness(adaAwareness, bo.awareness)
    movePointer(ada.store, 10, 20)
    await nextBroadcast()
    expect(presences(bo.store)[0]).toMatchObject({ userName: 'Ada', camera: null, screenBounds: null, cursor: null })

    onCanvas.set(true)
    await nextBroadcast()
    expect(presences(bo.store)[0]).toMatchObject({ camera: { x: 0, y: 0, z: 1 }, cursor: { x: 10, y: 20 } })
  })

  it('stops sharing and clears mirrored peers when disposed', async () => {
    const { ada, bo } = await adaMovedForBo(1, 2)
    bo.dispose()
    expect(presences(bo.store)).toEqual([])
    ada.dispose()
    expect(bo.awareness.getStates().get(ada.awareness.clientID)?.presence).toBeNull()
  })
})
