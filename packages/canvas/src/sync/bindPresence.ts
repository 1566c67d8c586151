import type { Awareness } from 'y-protocols/awareness'
import {
  InstancePresenceRecordType,
  createPresenceStateDerivation,
  atom,
  computed,
  react,
  type Signal,
  type TLInstancePresence,
  type TLStore,
} from 'tldraw'
import { presenceInBounds } from './presenceBounds'
import { PRESENCE_AWARENESS_FIELD } from '@storyloom/shared/present/presentingPresence'

/** The awareness field that carries a client's tldraw presence (the server reads presenters' names in it). */
export const PRESENCE_FIELD = PRESENCE_AWARENESS_FIELD

export type BindPresenceOptions = {
  /** Least time between two presence broadcasts; pointer moves in between are coalesced. */
  throttleMs?: number
  /**
   * Whether this client shows the canvas (false on Present): without it the store's camera and
   * pointer are defaults no one looks at, so the view, screen and cursor are shared as none —
   * others see no cursor at the origin, and cannot follow or go to a view that is not there.
   * Default: always on the canvas.
   */
  onCanvas?: Signal<boolean>
}

const ALWAYS_ON_CANVAS = atom('on canvas', true)

type AwarenessChange = { added: number[]; updated: number[]; removed: number[] }

/**
 * Shares presence (cursor, selection, viewport, name, colour, cursor chat) through the
 * provider's awareness, and mirrors every other client's presence into the store as
 * `instance_presence` records so tldraw draws collaborators' cursors, selections and name
 * tags itself. Remote presence is merged as a remote change: it never reaches the doc or the
 * undo stack.
 *
 * @returns A function that stops sharing and removes the mirrored records.
 */
export function bindPresence(
  store: TLStore,
  awareness: Awareness,
  { throttleMs = 40, onCanvas = ALWAYS_ON_CANVAS }: BindPresenceOptions = {},
): () => void {
  const $ownPresence = createPresenceStateDerivation(store.props.users.currentUser)(store)
  const $presence = computed('storyloom: shared presence', () => {
    const presence = $ownPresence.get()
    if (!presence || onCanvas.get()) return presence
    return { ...presence, camera: null, screenBounds: null, cursor: null }
  })

  // Local → awareness, at most once per `throttleMs` with the latest state.
  let timer: ReturnType<typeof setTimeout> | undefined
  let lastSentAt = -Infinity
  const send = () => {
    timer = undefined
    lastSentAt = Date.now()
    const presence = $presence.get()
    awareness.setLocalState({
      ...awareness.getLocalState(),
      [PRESENCE_FIELD]: presence,
      // For stock Yjs clients, which show `user.name` / `user.color`.
      user: presence ? { name: presence.userName, color: presence.color } : null,
    })
  }
  const stopReacting = react('storyloom: share presence', () => {
    $presence.get()
    if (timer !== undefined) return
    timer = setTimeout(send, Math.max(0, lastSentAt + throttleMs - Date.now()))
  })

  // Awareness → store. Peers' clocks differ from ours, and tldraw hides collaborators whose
  // `lastActivityTimestamp` looks old, so activity is re-timed to when we saw it change.
  const seenActivity = new Map<number, { remote: number | null; local: number }>()
  const recordIdOf = (clientId: number) => InstancePresenceRecordType.createId(String(clientId))

  const applyClients = (clientIds: number[]) => {
    const toPut: TLInstancePresence[] = []
    const toRemove: TLInstancePresence['id'][] = []
    const states = awareness.getStates()
    for (const clientId of clientIds) {
      if (clientId === awareness.clientID) continue
      const record = toPresenceRecord(recordIdOf(clientId), states.get(clientId)?.[PRESENCE_FIELD])
      if (record) {
        toPut.push({ ...record, lastActivityTimestamp: retime(clientId, record.lastActivityTimestamp) })
      } else {
        seenActivity.delete(clientId)
        if (store.has(recordIdOf(clientId))) toRemove.push(recordIdOf(clientId))
      }
    }
    if (toPut.length === 0 && toRemove.length === 0) return
    store.mergeRemoteChanges(() => {
      if (toPut.length > 0) store.put(toPut)
      if (toRemove.length > 0) store.remove(toRemove)
    })
  }
  const retime = (clientId: number, remote: number | null): number => {
    const seen = seenActivity.get(clientId)
    if (seen && seen.remote === remote) return seen.local
    const local = Date.now()
    seenActivity.set(clientId, { remote, local })
    return local
  }

  const onChange = ({ added, updated, removed }: AwarenessChange) => {
    applyClients([...added, ...updated, ...removed])
  }
  awareness.on('change', onChange)
  applyClients([...awareness.getStates().keys()])

  return () => {
    stopReacting()
    if (timer !== undefined) clearTimeout(timer)
    awareness.off('change', onChange)
    if (awareness.getLocalState() !== null) {
      awareness.setLocalState({ ...awareness.getLocalState(), [PRESENCE_FIELD]: null, user: null })
    }
    const mirrored = store.query.ids('instance_presence').get()
    if (mirrored.size > 0) store.mergeRemoteChanges(() => store.remove([...mirrored]))
  }
}

/**
 * A peer's presence as a valid record under our id for it, its camera, screen and cursor kept in
 * bounds; null if it has none or it is invalid (NaN and infinities are).
 */
function toPresenceRecord(id: TLInstancePresence['id'], wire: unknown): TLInstancePresence | null {
  if (typeof wire !== 'object' || wire === null) return null
  try {
    return presenceInBounds(InstancePresenceRecordType.validate({ ...wire, id, typeName: 'instance_presence' }))
  } catch {
    return null
  }
}
