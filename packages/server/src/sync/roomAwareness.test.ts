import { afterEach, describe, expect, it, vi } from 'vitest'
import * as Y from 'yjs'
import * as decoding from 'lib0/decoding'
import type { WebSocket } from 'ws'
import { Awareness, applyAwarenessUpdate, encodeAwarenessUpdate } from 'y-protocols/awareness'
import { MessageType } from '@storyloom/shared/protocol/syncProtocol'
import { Connection } from './connection'
import { RoomAwareness } from './roomAwareness'

/** A connection whose socket only collects what the room sends it. */
function fakeConnection(review: boolean): { conn: Connection; sent: Uint8Array[] } {
  const sent: Uint8Array[] = []
  const socket = { readyState: 1, OPEN: 1, bufferedAmount: 0, send: (m: Uint8Array) => sent.push(m), on() {}, close() {} }
  return { conn: new Connection(socket as unknown as WebSocket, 'board-1', { readOnly: review, review }), sent }
}

/** Applies every awareness message in `sent` (from `from` on) to `awareness`, as a y-websocket client does. */
function receive(awareness: Awareness, sent: Uint8Array[], from = 0): void {
  for (const message of sent.slice(from)) {
    const decoder = decoding.createDecoder(message)
    expect(decoding.readVarUint(decoder)).toBe(MessageType.awareness)
    applyAwarenessUpdate(awareness, decoding.readVarUint8Array(decoder), 'server')
  }
}

const rooms: RoomAwareness[] = []
afterEach(() => {
  vi.useRealTimers()
  for (const room of rooms.splice(0)) room.destroy()
})

describe('RoomAwareness and review connections', () => {
  it('passes a presenter’s cursor moves on to no review connection, but renews their screen there before it lapses', () => {
    vi.useFakeTimers({ toFake: ['Date'] })
    const room = new RoomAwareness(new Y.Doc(), () => true)
    rooms.push(room)
    const team = fakeConnection(false)
    const reviewer = fakeConnection(true)
    room.add(team.conn)
    room.add(reviewer.conn)
    const ada = new Awareness(new Y.Doc())
    ada.on('update', ({ added, updated, removed }: Record<'added' | 'updated' | 'removed', number[]>) => {
      room.apply(team.conn, encodeAwarenessUpdate(ada, added.concat(updated, removed)))
    })
    const client = new Awareness(new Y.Doc())

    ada.setLocalState({ presence: { userName: 'Ada', cursor: { x: 0, y: 0 } }, presenting: { shotId: 'shape:one', view: 'player', playing: false } })
    receive(client, reviewer.sent)
    expect(client.getStates().get(ada.clientID)).toEqual({ presence: { userName: 'Ada' }, presenting: { shotId: 'shape:one', view: 'player', playing: false } })

    const before = reviewer.sent.length
    for (let x = 1; x <= 10; x++) ada.setLocalStateField('presence', { userName: 'Ada', cursor: { x, y: 0 } })
    expect(reviewer.sent).toHaveLength(before)

    // Five seconds on, the next update renews the screen for reviewers (y-protocols drops a state not renewed within 30 s).
    vi.setSystemTime(Date.now() + 5_000)
    ada.setLocalStateField('presence', { userName: 'Ada', cursor: { x: 11, y: 0 } })
    expect(reviewer.sent).toHaveLength(before + 1)
    const lastSeen = client.meta.get(ada.clientID)!.lastUpdated
    receive(client, reviewer.sent, before)
    expect(client.meta.get(ada.clientID)!.lastUpdated).toBeGreaterThan(lastSeen)
    expect(client.getStates().get(ada.clientID)).toEqual({ presence: { userName: 'Ada' }, presenting: { shotId: 'shape:one', view: 'player', playing: false } })
  })
})
